package dev.kairos.edge.support;

import dev.kairos.booking.common.BookingException;
import dev.kairos.booking.common.ErrorCode;
import dev.kairos.edge.ratelimit.LoginThrottledException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.util.Map;
import java.util.stream.Collectors;

/** Maps every failure once to a problem response; bad input never becomes a 500. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(BookingException.class)
    ResponseEntity<ProblemDetail> rejected(BookingException e) {
        Map<String, Object> extensions = e instanceof ApiProblem p ? p.extensions() : Map.of();
        return respond(e.errorCode(), e.getMessage(), extensions);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BookingException rejection) {
                return rejected(rejection);
            }
            if (t instanceof PayloadTooLargeException tooLarge) {
                return respond(ErrorCode.PAYLOAD_TOO_LARGE, tooLarge.getMessage(), Map.of());
            }
            if (t instanceof UnrecognizedPropertyException unknown) {
                return respond(ErrorCode.UNKNOWN_FIELD, "unknown field '" + unknown.getPropertyName() + "'",
                        Map.of("field", path(unknown)));
            }
            if (t instanceof DatabindException mismatch && !(t instanceof StreamReadException)) {
                return respond(ErrorCode.INVALID_VALUE, "invalid value at '" + path(mismatch) + "': " + firstLine(mismatch.getOriginalMessage()),
                        Map.of("field", path(mismatch)));
            }
            if (t instanceof StreamReadException parse) {
                return respond(ErrorCode.MALFORMED_JSON, "request body is not valid JSON: " + firstLine(parse.getOriginalMessage()), Map.of());
            }
        }
        return respond(ErrorCode.MALFORMED_JSON, "request body is missing or unreadable", Map.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
        return respond(ErrorCode.INVALID_VALUE, "'" + e.getName() + "' must be a valid " + expected, Map.of("field", e.getName()));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e) {
        return respond(ErrorCode.MISSING_PARAMETER, "query parameter '" + e.getParameterName() + "' is required",
                Map.of("field", e.getParameterName()));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e) {
        if (Tenancy.HEADER.equalsIgnoreCase(e.getHeaderName())) {
            return respond(ErrorCode.TENANT_REQUIRED, "header " + Tenancy.HEADER + " names the business this request is for", Map.of());
        }
        return respond(ErrorCode.MISSING_PARAMETER, "header '" + e.getHeaderName() + "' is required", Map.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        String supported = e.getSupportedMediaTypes().isEmpty() ? "application/json"
                : e.getSupportedMediaTypes().stream().map(Object::toString).collect(Collectors.joining(" or "));
        return respond(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "send " + supported, Map.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return respond(ErrorCode.METHOD_NOT_ALLOWED, e.getMethod() + " is not supported here", Map.of());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noRoute(NoResourceFoundException e) {
        return respond(ErrorCode.ROUTE_NOT_FOUND, "no such resource: /" + e.getResourcePath(), Map.of());
    }

    /** A streaming client hung up: there is no one left to answer. */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void hungUp(AsyncRequestNotUsableException e) {
        log.debug("client of a streaming response went away: {}", e.getMessage());
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<ProblemDetail> duplicate(AggregateStreamCreationException e) {
        return respond(ErrorCode.ALREADY_EXISTS, "a resource with this id already exists", Map.of());
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> conflict(ConcurrencyException e) {
        return respond(ErrorCode.CONCURRENT_MODIFICATION, "the resource kept changing concurrently; try again", Map.of());
    }

    @ExceptionHandler(LoginThrottledException.class)
    ResponseEntity<ProblemDetail> throttled(LoginThrottledException e) {
        ProblemDetail body = Problems.of(ErrorCode.LOGIN_THROTTLED, e.getMessage(), Map.of());
        return ResponseEntity.status(body.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())).body(body);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected failure", e);
        return respond(ErrorCode.INTERNAL_ERROR, "an unexpected error occurred", Map.of());
    }

    private static ResponseEntity<ProblemDetail> respond(ErrorCode code, String detail, Map<String, Object> extensions) {
        ProblemDetail body = Problems.of(code, detail, extensions);
        return ResponseEntity.status(body.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private static String path(DatabindException e) {
        return e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
