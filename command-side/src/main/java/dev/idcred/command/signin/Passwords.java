package dev.idcred.command.signin;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import dev.idcred.shared.common.DomainException;
import dev.idcred.shared.common.ErrorCode;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Passwords as NIST SP 800-63B asks: at least 12 characters, up to 256, any characters, no composition rules, and a
 * refusal of what is common or easily guessed (zxcvbn's estimate, with its dictionaries of common passwords, names and
 * words, and the person's own name and username: a score under 3 is refused with its advice). Kept only as bcrypt
 * (cost 11, its own salt) of the password's HMAC under the pepper, so a copied table cannot be guessed offline
 * without the pepper, and bcrypt's 72-byte limit never truncates a long one.
 */
@Component
public class Passwords {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 256;
    private static final int MIN_SCORE = 3;
    /** zxcvbn's cost grows with length; past this, length alone makes a password strong. */
    private static final int MEASURED_PREFIX = 64;

    private final SignInKeys keys;
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(11);
    private final Zxcvbn zxcvbn = new Zxcvbn();
    /** Compared against when there is no such user, so that a wrong username takes as long as a wrong password. */
    private final String dummyHash;

    public Passwords(SignInKeys keys) {
        this.keys = keys;
        this.dummyHash = bcrypt.encode(keys.pepperedPassword(keys.randomToken(16)));
    }

    /** The slow hash of an acceptable password; refuses one that is too short, too long or too easily guessed. */
    public String hashOfAcceptable(String password, List<String> aboutThePerson) {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new DomainException(ErrorCode.PASSWORD_REFUSED, "A password has " + MIN_LENGTH + " to "
                    + MAX_LENGTH + " characters");
        }
        Strength strength = zxcvbn.measure(password.substring(0, Math.min(password.length(), MEASURED_PREFIX)),
                aboutThePerson.stream().filter(s -> s != null && !s.isBlank()).toList());
        if (strength.getScore() < MIN_SCORE) {
            String warning = strength.getFeedback().getWarning();
            throw new DomainException(ErrorCode.PASSWORD_REFUSED, "That password is too easy to guess"
                    + (warning == null || warning.isBlank() ? "" : ": " + warning)
                    + ". A few unrelated words make a strong one.");
        }
        return bcrypt.encode(keys.pepperedPassword(password));
    }

    /** True if {@code password} is the one {@code hash} was made from; with no hash, takes as long and is false. */
    public boolean matches(String password, String hash) {
        String candidate = keys.pepperedPassword(password == null ? "" : password);
        if (hash == null) {
            bcrypt.matches(candidate, dummyHash);
            return false;
        }
        return bcrypt.matches(candidate, hash);
    }
}
