package dev.idcred.command;

import dev.idcred.shared.common.DomainException;
import dev.idcred.shared.common.ErrorCode;

import java.util.regex.Pattern;

/** What a name, a free text or an id sent by a caller may hold: printable text of a bounded length. */
public final class TextRules {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private TextRules() {
    }

    /** A required name: stripped, 1 to {@code max} characters, no control characters. */
    public static String validName(String field, String value, int max) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty() || stripped.length() > max) {
            throw new DomainException(ErrorCode.INVALID_VALUE, field + " is required and at most " + max + " characters");
        }
        return printable(field, stripped);
    }

    /** An optional text: null stays null; at most {@code max} characters, no control characters but line breaks. */
    public static String validText(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            throw new DomainException(ErrorCode.INVALID_VALUE, field + " is at most " + max + " characters");
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw new DomainException(ErrorCode.INVALID_VALUE, field + " may not contain control characters");
        }
        return value;
    }

    /** An id a caller names (of an identity, say): letters, digits, '-', '_' and '.', at most 64. */
    public static String validId(String field, String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw new DomainException(ErrorCode.INVALID_VALUE, field + " is not a valid id");
        }
        return value;
    }

    private static String printable(String field, String value) {
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new DomainException(ErrorCode.INVALID_VALUE, field + " may not contain control characters");
        }
        return value;
    }
}
