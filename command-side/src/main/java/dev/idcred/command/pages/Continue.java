package dev.idcred.command.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where a person goes once signed in: only back to the authorization endpoint or to their account page, as a path of
 * this service. Anything else (another host, {@code //host}, a scheme, a backslash, a control character) becomes the
 * account page, so the sign-in page can never send anyone elsewhere.
 */
final class Continue {

    static final String ACCOUNT = "/account";
    private static final int MAX_LENGTH = 8192;

    private Continue() {
    }

    static String safe(String next) {
        if (next == null || next.isEmpty() || next.length() > MAX_LENGTH) {
            return ACCOUNT;
        }
        boolean ours = (next.startsWith("/oauth/authorize?") || next.equals(ACCOUNT)
                || next.startsWith(ACCOUNT + "/") || next.startsWith(ACCOUNT + "?"))
                && next.chars().noneMatch(c -> c < 0x21 || c == '\\' || c == '{' || c == '}' || c > 0x7e);
        return ours ? next : ACCOUNT;
    }

    /** {@code ?continue=...} for a link to another sign-in step, or nothing. */
    static String query(String next) {
        String safe = safe(next);
        return ACCOUNT.equals(safe) ? "" : "?continue=" + URLEncoder.encode(safe, StandardCharsets.UTF_8);
    }
}
