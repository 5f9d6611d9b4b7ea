package dev.idcred.command.hygiene;

import dev.idcred.access.gate.Caller;
import dev.idcred.command.TextRules;
import dev.idcred.shared.common.DomainException;
import dev.idcred.shared.common.ErrorCode;
import dev.idcred.shared.usage.CredentialKind;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/**
 * {@code POST /v3/credential-leaks} (one secret) and {@code POST /v3/credential-leaks/bulk} (up to
 * {@value #MAX_BULK}): secrets a scanner found, with where ({@code url}). Right {@code idn:credential-leaks:report}.
 */
@RestController
@RequestMapping("/v3/credential-leaks")
class LeakController {

    static final int MAX_BULK = 100;
    static final int MAX_SECRET_LENGTH = 200;
    static final int MAX_URL_LENGTH = 2_000;

    record LeakReport(String secret, String url) {
    }

    record BulkLeakReport(List<LeakReport> leaks) {
    }

    /** What became of a reported secret; the credential only for a secret that is ours. */
    record LeakResult(String status, String credentialId, String kind) {
        static LeakResult of(LeakReports.Result result) {
            return new LeakResult(result.status().name(), result.credentialId(),
                    result.kind() == null ? null : kindName(result.kind()));
        }

        private static String kindName(CredentialKind kind) {
            return kind == CredentialKind.API_CLIENT ? "OAUTH_CLIENT" : "PERSONAL_ACCESS_TOKEN";
        }
    }

    record BulkLeakResult(List<LeakResult> results) {
    }

    private final LeakReports reports;

    LeakController(LeakReports reports) {
        this.reports = reports;
    }

    @PostMapping
    LeakResult report(@RequestBody LeakReport report, Caller caller) {
        return LeakResult.of(reportOne(report, caller));
    }

    @PostMapping("/bulk")
    BulkLeakResult reportAll(@RequestBody BulkLeakReport bulk, Caller caller) {
        if (bulk.leaks() == null || bulk.leaks().isEmpty() || bulk.leaks().size() > MAX_BULK) {
            throw new DomainException(ErrorCode.INVALID_VALUE, "leaks must hold 1 to " + MAX_BULK + " reports");
        }
        bulk.leaks().forEach(LeakController::validate);
        return new BulkLeakResult(bulk.leaks().stream().map(report -> LeakResult.of(reportOne(report, caller)))
                .toList());
    }

    private LeakReports.Result reportOne(LeakReport report, Caller caller) {
        validate(report);
        return reports.report(report.secret().strip(), report.url(), caller);
    }

    private static void validate(LeakReport report) {
        if (report == null || report.secret() == null || report.secret().isBlank()
                || report.secret().length() > MAX_SECRET_LENGTH) {
            throw new DomainException(ErrorCode.INVALID_VALUE,
                    "secret is required (at most " + MAX_SECRET_LENGTH + " characters)");
        }
        if (report.url() != null) {
            TextRules.validText("url", report.url(), MAX_URL_LENGTH);
            try {
                if (!URI.create(report.url()).isAbsolute()) {
                    throw new IllegalArgumentException("relative");
                }
            } catch (IllegalArgumentException e) {
                throw new DomainException(ErrorCode.INVALID_VALUE, "url must be an absolute URL");
            }
        }
    }
}
