package dev.idcred.access.http;

import dev.idcred.shared.common.ErrorCode;
import dev.idcred.shared.common.Limits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * No request body larger than {@value Limits#MAX_REQUEST_BYTES} bytes is read, so no list or string a caller sends
 * can be larger either: a declared length beyond it answers 413 at once; a body sent without a length stops being
 * read at the limit (the request is then unreadable: 400).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestSizeLimit extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > Limits.MAX_REQUEST_BYTES) {
            ErrorResponses.write(ErrorCode.PAYLOAD_TOO_LARGE, "A request body may have at most "
                    + Limits.MAX_REQUEST_BYTES + " bytes", request, response);
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(request) {
            private ServletInputStream bounded;

            @Override
            public ServletInputStream getInputStream() throws IOException {
                if (bounded == null) {
                    bounded = new Bounded(super.getInputStream());
                }
                return bounded;
            }
        }, response);
    }

    /** A body stream that refuses to read past the limit. */
    private static final class Bounded extends ServletInputStream {

        private final ServletInputStream body;
        private long read;

        Bounded(ServletInputStream body) {
            this.body = body;
        }

        @Override
        public int read() throws IOException {
            int b = body.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = body.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > Limits.MAX_REQUEST_BYTES) {
                throw new IOException("The request body is larger than " + Limits.MAX_REQUEST_BYTES + " bytes");
            }
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }
}
