package dev.idcred.access;

import dev.idcred.shared.common.DomainException;
import dev.idcred.shared.common.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.stream.Collectors;

/**
 * Turns every failure into the API's error body. Rules the domain refused keep their code; framework failures get
 * a plain message; anything unexpected is logged with its tracking id and answered without internals.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Object> refused(DomainException e, HttpServletRequest request) {
        return body(e.code(), e.getMessage(), request);
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Object> commandFailed(CommandExecutionException e, HttpServletRequest request) {
        if (e.getCause() instanceof DomainException refused) {
            return refused(refused, request);
        }
        return unexpected(e, request);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> notFound(AggregateNotFoundException e, HttpServletRequest request) {
        return body(ErrorCode.NOT_FOUND, "No such resource: " + e.getAggregateIdentifier(), request);
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<Object> conflict(ConcurrencyException e, HttpServletRequest request) {
        return body(ErrorCode.CONFLICT, "The resource was changed concurrently; try again", request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> invalid(ConstraintViolationException e, HttpServletRequest request) {
        String text = e.getConstraintViolations().stream()
                .map(v -> v.getPropertyPath() + " " + v.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return body(ErrorCode.INVALID_VALUE, text, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> mistyped(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return body(ErrorCode.INVALID_VALUE, "Parameter '" + e.getName() + "' has an invalid value", request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> forbidden(AccessDeniedException e, HttpServletRequest request) {
        return body(ErrorCode.FORBIDDEN, "The token lacks the rights this request needs", request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        String trackingId = TrackingId.of(request);
        log.error("Unexpected failure, trackingId={}", trackingId, e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, ApiError.of(ErrorCode.INTERNAL_ERROR.detailCode(),
                trackingId, "An internal fault occurred; quote the tracking id when reporting it"), null);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        String trackingId = TrackingId.of(((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class));
        return respond(status, ApiError.of(ErrorCode.detailCodeFor(status.value()), trackingId, describe(e)), headers);
    }

    private static String describe(Exception e) {
        if (e instanceof MethodArgumentNotValidException invalid) {
            return invalid.getFieldErrors().stream()
                    .map(f -> f.getField() + " " + f.getDefaultMessage())
                    .sorted()
                    .collect(Collectors.joining("; "));
        }
        if (e instanceof HttpMessageNotReadableException) {
            return "The request body is missing or is not JSON of the expected shape";
        }
        if (e instanceof ErrorResponse response && response.getBody().getDetail() != null) {
            return response.getBody().getDetail();
        }
        return "The request could not be processed";
    }

    private static ResponseEntity<Object> body(ErrorCode code, String text, HttpServletRequest request) {
        return respond(HttpStatusCode.valueOf(code.httpStatus()),
                ApiError.of(code.detailCode(), TrackingId.of(request), text), null);
    }

    private static ResponseEntity<Object> respond(HttpStatusCode status, ApiError error, @Nullable HttpHeaders headers) {
        var builder = ResponseEntity.status(status);
        if (headers != null) {
            builder.headers(headers);
        }
        return builder.contentType(MediaType.APPLICATION_JSON).body(error);
    }
}
