package dev.idcred.access.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.idcred.shared.common.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one writer of the service's error answers: the v3 error body ({@code detailCode}, {@code trackingId},
 * {@code messages}, {@code causes}) for every refusal, and {@code {"error": ...}} for a missing or dead bearer token
 * (401). Controllers' exceptions, the security filters, the token endpoint and Tomcat's own refusals all answer
 * through it, so every refusal has the same shape and carries the request's tracking id.
 */
public final class ErrorResponses {

    private static final JsonMapper JSON = new JsonMapper();

    private ErrorResponses() {
    }

    /** The error body of {@code code}, for a response entity. */
    public static ResponseEntity<Object> entity(ErrorCode code, String text, HttpServletRequest request) {
        return entity(HttpStatusCode.valueOf(code.httpStatus()), code.detailCode(), text, request, null);
    }

    /** The error body for a status a framework chose, with its headers (an {@code Allow}, say). */
    public static ResponseEntity<Object> entity(HttpStatusCode status, String detailCode, String text,
                                               HttpServletRequest request, HttpHeaders headers) {
        var response = ResponseEntity.status(status);
        if (headers != null) {
            response.headers(headers);
        }
        return response.contentType(MediaType.APPLICATION_JSON)
                .body(ApiError.of(detailCode, TrackingId.of(request), text));
    }

    /** Writes the error body of {@code code} straight to the servlet response (filters, entry points). */
    public static void write(ErrorCode code, String text, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        writeJson(response, code.httpStatus(), ApiError.of(code.detailCode(), TrackingId.of(request), text));
    }

    /** RFC 6750: 401 with {@code {"error": ...}} and the {@code WWW-Authenticate} challenge given. */
    public static void unauthorized(String challenge, String error, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        writeJson(response, 401, Map.of("error", error));
    }

    /**
     * An OAuth 2.0 endpoint's refusal (RFC 6749 {@code error} and {@code error_description}); a 403 carries the
     * error body's fields as well, as every 403 of the service does.
     */
    public static Map<String, Object> oauthBody(String error, String description, ErrorCode code,
                                                HttpServletRequest request) {
        var body = new LinkedHashMap<String, Object>();
        body.put("error", error);
        body.put("error_description", description);
        if (code != null) {
            ApiError details = ApiError.of(code.detailCode(), TrackingId.of(request), description);
            body.put("detailCode", details.detailCode());
            body.put("trackingId", details.trackingId());
            body.put("messages", details.messages());
            body.put("causes", details.causes());
        }
        return body;
    }

    /** The error body as JSON text, for writers that have no servlet response (Tomcat's error report valve). */
    static String json(int status, String trackingId, String text) {
        try {
            return JSON.writeValueAsString(ApiError.of(ErrorCode.detailCodeFor(status), trackingId, text));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeJson(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), body);
    }
}
