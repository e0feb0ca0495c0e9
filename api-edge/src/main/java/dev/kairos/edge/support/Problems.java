package dev.kairos.edge.support;

import dev.kairos.booking.common.ErrorCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Map;

/** RFC 9457 problem details with a stable {@code code} from the one {@link ErrorCode} catalogue. */
public final class Problems {
    private Problems() {
    }

    public static HttpStatus statusOf(ErrorCode code) {
        return switch (code) {
            case PAYLOAD_TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case UNSUPPORTED_MEDIA_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case METHOD_NOT_ALLOWED -> HttpStatus.METHOD_NOT_ALLOWED;
            default -> switch (code.kind()) {
                case MALFORMED -> HttpStatus.BAD_REQUEST;
                case INVALID, RULE -> HttpStatus.UNPROCESSABLE_CONTENT;
                case CONFLICT -> HttpStatus.CONFLICT;
                case PRECONDITION -> HttpStatus.PRECONDITION_FAILED;
                case NOT_FOUND -> HttpStatus.NOT_FOUND;
                case UNAUTHORIZED -> HttpStatus.UNAUTHORIZED;
                case FORBIDDEN -> HttpStatus.FORBIDDEN;
                case GONE -> HttpStatus.GONE;
                case TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
                case FAILURE -> HttpStatus.INTERNAL_SERVER_ERROR;
            };
        };
    }

    public static ProblemDetail of(ErrorCode code, String detail, Map<String, Object> extensions) {
        HttpStatus status = statusOf(code);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:kairos:problem:" + code.code()));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code.code());
        extensions.forEach(problem::setProperty);
        return problem;
    }

    /** For filters, which run before Spring MVC's exception handling. */
    public static void write(HttpServletResponse response, JsonMapper json, ErrorCode code, String detail) throws IOException {
        ProblemDetail problem = of(code, detail, Map.of());
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
