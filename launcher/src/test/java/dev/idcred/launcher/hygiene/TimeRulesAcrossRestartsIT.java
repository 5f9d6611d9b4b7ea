package dev.idcred.launcher.hygiene;

import dev.idcred.command.CommandSideApplication;
import dev.idcred.launcher.support.Api;
import dev.idcred.launcher.support.RunningService;
import dev.idcred.shared.credential.ApiClientUpdated;
import dev.idcred.shared.credential.CredentialUnusedWarning;
import dev.idcred.shared.credential.PersonalAccessTokenDeleted;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 14, the time-based rules with a shifted clock, across a restart and two instances: a credential unused for
 * 24 of the tenant's 30 days is warned once (though two instances look), and at 31 days is stopped once (a PAT
 * deleted, an API client disabled); a new catalogue file appends the rights drift it causes once, at the start that
 * brings it, and never again.
 */
class TimeRulesAcrossRestartsIT {

    private static final String LIMIT = "--credentials.tenant.inactivity-limit=P30D";
    private static final String OFTEN = "--credentials.expiry.check-interval=PT0.2S";

    @Test
    void disuseIsWarnedThenActedOnOnceAndACatalogueChangeDriftsOnce() throws IOException {
        Path dataDir = RunningService.newDataDir();
        Path catalogue = narrowedCatalogue(dataDir);
        String patId;
        String patSecret;
        String clientId;
        try (RunningService first = RunningService.start(dataDir, LIMIT, "--credentials.expiry.check-interval=PT1H")) {
            Api api = first.api();
            String admin = api.adminToken();
            String owner = api.createIdentity(admin, "Idle owner", "USER", "HELPDESK");
            Api.Response pat = api.createPat(admin, owner, "idle", List.of("sp:scopes:all")).expect(200);
            patId = pat.field("id");
            patSecret = pat.field("secret");
            clientId = api.post("/v3/oauth-clients", admin, Api.clientBody("idle client")).expect(200).field("id");
        }

        String newCatalogue = "--credentials.rights-catalogue=file:" + catalogue;
        try (RunningService later = RunningService.start(dataDir, LIMIT, OFTEN, newCatalogue,
                "--credentials.clock.offset=P24D");
             ConfigurableApplicationContext second = secondCommandSide(later, LIMIT, OFTEN, newCatalogue,
                     "--credentials.clock.offset=P24D")) {
            JdbcTemplate jdbc = later.bean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(20)).until(() -> count(jdbc, "CredentialUnusedWarning", patId) == 1
                    && count(jdbc, "CredentialUnusedWarning", clientId) == 1);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() ->
                    count(jdbc, "CredentialUnusedWarning", patId) == 1
                            && count(jdbc, "CredentialUnusedWarning", clientId) == 1);
            assertThat(drifts(jdbc, patId)).isEqualTo(1);
        }

        try (RunningService after = RunningService.start(dataDir, LIMIT, OFTEN, newCatalogue,
                "--credentials.clock.offset=P31D")) {
            JdbcTemplate jdbc = after.bean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(20)).until(() -> count(jdbc, "PersonalAccessTokenDeleted", patId) == 1
                    && disabledForDisuse(jdbc, clientId));
            after.api().tokenRequest(patId, patSecret).expect(401);
            assertThat(drifts(jdbc, patId)).as("the same catalogue again drifts nothing").isEqualTo(1);
        }
    }

    private static ConfigurableApplicationContext secondCommandSide(RunningService first, String... arguments) {
        Environment stores = first.bean(Environment.class);
        var all = new java.util.ArrayList<>(List.of("--server.port=0",
                "--credentials.data-dir=" + RunningService.newDataDir(),
                "--spring.datasource.url=" + stores.getProperty("spring.datasource.url")));
        all.addAll(List.of(arguments));
        return new SpringApplicationBuilder(CommandSideApplication.class)
                .properties("spring.config.name=command-side")
                .run(all.toArray(String[]::new));
    }

    /** The catalogue with HELPDESK no longer reading identities. */
    private static Path narrowedCatalogue(Path dataDir) throws IOException {
        String original = new ClassPathResource("rights-catalogue.yaml").getContentAsString(StandardCharsets.UTF_8);
        String narrowed = original.replace(
                "HELPDESK: [idn:identities:read, idn:auth-users:read, idn:all-personal-access-tokens:read]",
                "HELPDESK: [idn:auth-users:read, idn:all-personal-access-tokens:read]");
        assertThat(narrowed).isNotEqualTo(original);
        return Files.writeString(dataDir.resolve("narrowed-catalogue.yaml"), narrowed);
    }

    private static int count(JdbcTemplate jdbc, String type, String aggregateId) {
        Integer count = jdbc.queryForObject("select count(*) from domainEventEntry where payloadType like ?"
                + " and aggregateIdentifier = ?", Integer.class, "%." + type, aggregateId);
        return count == null ? 0 : count;
    }

    private static boolean disabledForDisuse(JdbcTemplate jdbc, String clientId) {
        Integer count = jdbc.queryForObject("select count(*) from audit_entry where subject_id = ?"
                + " and type = 'ApiClientUpdated' and details->>'reason' like 'Unused since%'", Integer.class,
                clientId);
        return count != null && count == 1;
    }

    private static int drifts(JdbcTemplate jdbc, String credentialId) {
        Integer count = jdbc.queryForObject("select count(*) from audit_entry where subject_id = ?"
                + " and type = 'EffectiveRightsChanged' and details->>'cause' = 'CATALOGUE_CHANGED'"
                + " and details->'removed' @> '[\"idn:identities:read\"]'", Integer.class, credentialId);
        return count == null ? 0 : count;
    }
}
