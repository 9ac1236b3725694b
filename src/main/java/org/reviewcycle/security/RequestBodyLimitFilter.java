package org.reviewcycle.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body over its limit before anything reads it: with 413 at once when the
 * declared Content-Length is over, and, for a chunked body (no length declared), as soon as the
 * bytes read pass the limit. The refusal closes the connection, so the client cannot go on
 * sending. Registered before every other filter ({@link RequestLimits}), so neither Spring Security
 * nor Camunda's REST API ever buffers a body that is too large (an upload to
 * {@code /engine-rest/deployment/create} used to be read whole before it was refused).
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final DataSize multipartLimit;
    private final DataSize otherLimit;

    RequestBodyLimitFilter(DataSize multipartLimit, DataSize otherLimit) {
        this.multipartLimit = multipartLimit;
        this.otherLimit = otherLimit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean multipart = request.getContentType() != null
                && request.getContentType().toLowerCase(Locale.ROOT).startsWith("multipart/");
        var limit = new Limit(multipart ? multipartLimit : otherLimit, multipart, request, response);
        if (request.getContentLengthLong() > limit.bytes()) {
            limit.refuse();
            return;
        }
        // Without a Transfer-Encoding there is no body beyond the declared length: Tomcat gives no more.
        if (request.getHeader("Transfer-Encoding") == null) {
            chain.doFilter(request, response);
            return;
        }
        var silenced = new SilencedResponse(response, limit);
        try {
            chain.doFilter(new CountedRequest(request, limit), silenced);
            silenced.flushWriter();
        } catch (IOException | ServletException | RuntimeException e) {
            // whatever the reader made of the cut-off body, the answer has been given: 413
            if (!limit.refused) {
                throw e;
            }
        }
    }

    /** The limit for one request, and whether it has been refused (the 413 then is written). */
    private static final class Limit {
        private final DataSize size;
        private final boolean multipart;
        private final HttpServletRequest request;
        private final HttpServletResponse response;
        private boolean refused;

        Limit(DataSize size, boolean multipart, HttpServletRequest request, HttpServletResponse response) {
            this.size = size;
            this.multipart = multipart;
            this.request = request;
            this.response = response;
        }

        long bytes() {
            return size.toBytes();
        }

        void refuse() throws IOException {
            refused = true;
            if (response.isCommitted()) {
                return;
            }
            response.reset();
            // The rest of the body is not read: Tomcat closes the connection instead of swallowing it.
            response.setHeader("Connection", "close");
            Refusal.send(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "RequestTooLarge",
                    (multipart ? "This upload is larger than " : "This request is larger than ") + megabytes(size)
                            + ", the most ReviewCycle accepts.");
        }

        private static String megabytes(DataSize size) {
            return size.toKilobytes() % 1024 == 0 ? size.toMegabytes() + " MB" : size.toKilobytes() + " KB";
        }
    }

    /** The body, counted as it is read; past the limit the request is refused and reading fails. */
    private static final class CountedRequest extends HttpServletRequestWrapper {
        private final Limit limit;
        private ServletInputStream counted;
        private BufferedReader reader;

        CountedRequest(HttpServletRequest request, Limit limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) {
                counted = new CountedInputStream(super.getInputStream(), limit);
            }
            return counted;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                String encoding = getCharacterEncoding();
                reader = new BufferedReader(new InputStreamReader(getInputStream(),
                        encoding == null ? Charset.forName("ISO-8859-1") : Charset.forName(encoding)));
            }
            return reader;
        }
    }

    private static final class CountedInputStream extends ServletInputStream {
        private final ServletInputStream body;
        private final Limit limit;
        private long read;

        CountedInputStream(ServletInputStream body, Limit limit) {
            this.body = body;
            this.limit = limit;
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
            if (read > limit.bytes()) {
                limit.refuse();
                throw new IOException("The request body is over its limit of " + limit.bytes() + " bytes");
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

    /** Once the 413 is written, whatever the application would still answer goes nowhere. */
    private static final class SilencedResponse extends HttpServletResponseWrapper {
        private final Limit limit;
        private ServletOutputStream output;
        private PrintWriter writer;

        SilencedResponse(HttpServletResponse response, Limit limit) {
            super(response);
            this.limit = limit;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (output == null) {
                var real = super.getOutputStream();
                output = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        if (!limit.refused) {
                            real.write(b);
                        }
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        if (!limit.refused) {
                            real.write(bytes, offset, length);
                        }
                    }

                    @Override
                    public void flush() throws IOException {
                        if (!limit.refused) {
                            real.flush();
                        }
                    }

                    @Override
                    public boolean isReady() {
                        return real.isReady();
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        real.setWriteListener(listener);
                    }
                };
            }
            return output;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), getCharacterEncoding()));
            }
            return writer;
        }

        /** Tomcat finishes the response it knows; what is still in this writer's buffer is handed over here. */
        void flushWriter() {
            if (writer != null) {
                writer.flush();
            }
        }

        @Override
        public void setStatus(int status) {
            if (!limit.refused) {
                super.setStatus(status);
            }
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            if (!limit.refused) {
                super.sendError(status, message);
            }
        }

        @Override
        public void sendError(int status) throws IOException {
            if (!limit.refused) {
                super.sendError(status);
            }
        }
    }
}
