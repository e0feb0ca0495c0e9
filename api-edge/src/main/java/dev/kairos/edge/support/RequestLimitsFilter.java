package dev.kairos.edge.support;

import dev.kairos.booking.common.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

/**
 * Rejects request bodies above {@code kairos.http.max-request-bytes}, declared or streamed; calendar files sent to
 * a holiday import may be as large as {@code kairos.holidays.import.max-bytes}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestLimitsFilter extends OncePerRequestFilter {
    private static final java.util.regex.Pattern CALENDAR_IMPORT = java.util.regex.Pattern.compile("^/api/v1/businesses/[^/]+/holidays/import$");
    private final long maxBytes;
    private final long maxCalendarBytes;
    private final JsonMapper json;

    public RequestLimitsFilter(@Value("${kairos.http.max-request-bytes:65536}") long maxBytes,
                               @Value("${kairos.holidays.import.max-bytes:1048576}") long maxCalendarBytes, JsonMapper json) {
        this.maxBytes = maxBytes;
        this.maxCalendarBytes = Math.max(maxBytes, maxCalendarBytes);
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = CALENDAR_IMPORT.matcher(request.getRequestURI()).matches() ? maxCalendarBytes : maxBytes;
        if (request.getContentLengthLong() > limit) {
            Problems.write(response, json, ErrorCode.PAYLOAD_TOO_LARGE, "request body exceeds " + limit + " bytes");
            return;
        }
        chain.doFilter(new Limited(request, limit), response);
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buf, int off, int len) throws IOException {
                        int n = in.read(buf, off, len);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws PayloadTooLargeException {
                        read += n;
                        if (read > limit) {
                            throw new PayloadTooLargeException(limit);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
