package dev.idcred.shared.common;

/** A violated business rule: carries the {@link ErrorCode} and a message fit to show the caller. */
public class DomainException extends RuntimeException {

    private final ErrorCode code;

    public DomainException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
