package dev.idcred.access.http;

import dev.idcred.shared.common.DomainException;
import dev.idcred.shared.common.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
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
 * Turns every failure into the API's error body ({@link ErrorResponses}). Rules the domain refused keep their code;
 * framework failures get a plain message; anything unexpected is logged with its tracking id and answered without
 * internals.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Object> refused(DomainException e, HttpServletRequest request) {
        return ErrorResponses.entity(e.code(), e.getMessage(), request);
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Object> commandFailed(CommandExecutionException e, HttpServletRequest request) {
        if (e.getCause() instanceof DomainException refused) {
            return refused(refused, request);
        }
        if (e.getCause() instanceof AggregateNotFoundException missing) {
            return notFound(missing, request);
        }
        if (e.getCause() instanceof IncompatibleAggregateException otherKind) {
            return otherKind(otherKind, request);
        }
        return unexpected(e, request);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> notFound(AggregateNotFoundException e, HttpServletRequest request) {
        return ErrorResponses.entity(ErrorCode.NOT_FOUND, "No such resource: " + e.getAggregateIdentifier(), request);
    }

    /** An id of another kind of resource (a PAT's id on an API client's path, say) names no such resource here. */
    @ExceptionHandler(IncompatibleAggregateException.class)
    ResponseEntity<Object> otherKind(IncompatibleAggregateException e, HttpServletRequest request) {
        return ErrorResponses.entity(ErrorCode.NOT_FOUND, "No such resource", request);
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<Object> conflict(ConcurrencyException e, HttpServletRequest request) {
        return ErrorResponses.entity(ErrorCode.CONFLICT, "The resource was changed concurrently; try again", request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> invalid(ConstraintViolationException e, HttpServletRequest request) {
        String text = e.getConstraintViolations().stream()
                .map(v -> v.getPropertyPath() + " " + v.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return ErrorResponses.entity(ErrorCode.INVALID_VALUE, text, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> mistyped(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return ErrorResponses.entity(ErrorCode.INVALID_VALUE, "Parameter '" + e.getName() + "' has an invalid value",
                request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> forbidden(AccessDeniedException e, HttpServletRequest request) {
        return ErrorResponses.entity(ErrorCode.FORBIDDEN, "The token lacks the rights this request needs", request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected failure, trackingId={}", TrackingId.of(request), e);
        return ErrorResponses.entity(ErrorCode.INTERNAL_ERROR,
                "An internal fault occurred; quote the tracking id when reporting it", request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        return ErrorResponses.entity(status, ErrorCode.detailCodeFor(status.value()), describe(e),
                ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class), headers);
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
}
