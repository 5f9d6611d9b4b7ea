package dev.idcred.access.http;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import java.io.IOException;
import java.io.Writer;

/**
 * What Tomcat answers for a request it refuses before the application sees it (a URL or headers too large, a
 * malformed request line): the API's error body instead of Tomcat's HTML page, and never a stack trace.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            Writer writer = response.getReporter();
            if (writer == null) {
                return;
            }
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            writer.write(ErrorResponses.json(status, TrackingId.newId(),
                    "The request could not be read (status " + status + ")"));
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client has gone, or the response was committed meanwhile: nothing more to report
        }
    }
}
