package dev.idcred.launcher.benchmarks;

import dev.idcred.launcher.support.Api;
import dev.idcred.launcher.support.Percentiles;
import dev.idcred.launcher.support.RunningService;
import dev.idcred.shared.apiclient.ApiClientSettings;
import dev.idcred.shared.apiclient.CreateApiClient;
import dev.idcred.shared.apiclient.UpdateApiClient;
import dev.idcred.shared.common.GrantType;
import dev.idcred.shared.common.IdentityKind;
import dev.idcred.shared.common.PatchOperation;
import dev.idcred.shared.identity.CreateIdentity;
import dev.idcred.shared.identity.GrantUserLevel;
import dev.idcred.shared.identity.RevokeUserLevel;
import dev.idcred.shared.pat.CreatePersonalAccessToken;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * How fast a user-level change reaches the effective scopes of all of an owner's credentials. Fixed workload: one
 * owner with 5 PATs and 5 API clients, all {@code sp:scopes:all}; {@code grants} changes alternating grant and
 * revoke of REPORT_ADMIN; each measured from the command's completion until all 10 credentials' effective scopes,
 * read through the API, show it. Baseline in the same run: a one-document change (an API client's description)
 * reaching its read through the API.
 * Run: {@code ./benchmark.sh propagation}.
 */
public final class PropagationBenchmark {

    private static final String OWNER = "bench-owner";
    private static final String REPORTS = "idn:reports:read";
    private static final String PAT = "bench-pat-";
    private static final String CLIENT = "bench-client-";

    public static void main(String[] args) {
        try {
            run(args.length > 0 ? Integer.parseInt(args[0]) : 200);
        } finally {
            System.exit(0);
        }
    }

    static void run(int grants) {
        int warmup = 20;
        try (RunningService service = RunningService.start(RunningService.newDataDir())) {
            CommandGateway commands = service.bean(CommandGateway.class);
            Api api = service.api();
            String admin = api.adminToken();
            List<String> credentials = createOwnerWithTenCredentials(commands);
            waitFor(() -> credentials.stream().allMatch(path -> api.get(path, admin).status() == 200));

            long[] propagation = new long[grants];
            long[] baseline = new long[grants];
            for (int i = -warmup; i < grants; i++) {
                boolean grant = Math.floorMod(i, 2) == 0;
                commands.sendAndWait(grant ? new GrantUserLevel(OWNER, "REPORT_ADMIN")
                        : new RevokeUserLevel(OWNER, "REPORT_ADMIN"));
                long started = System.nanoTime();
                // Every credential's rights come from its owner's one document: one credential is read until it
                // shows the change (the time measured), then all ten are read to be sure they show it too.
                waitFor(() -> shows(api, admin, credentials.get(0), grant));
                long propagated = System.nanoTime() - started;
                waitFor(() -> credentials.stream().allMatch(path -> shows(api, admin, path, grant)));

                String description = "description " + i;
                commands.sendAndWait(new UpdateApiClient(CLIENT + 0, List.of(
                        new PatchOperation("replace", "/description", null, description))));
                long updated = System.nanoTime();
                waitFor(() -> description.equals(api.get("/v3/oauth-clients/" + CLIENT + 0, admin).body()
                        .path("description").asText()));
                if (i >= 0) {
                    propagation[i] = propagated;
                    baseline[i] = System.nanoTime() - updated;
                }
            }
            Percentiles fanOut = Percentiles.of(propagation);
            Percentiles single = Percentiles.of(baseline);
            System.out.println("RESULT propagation of a level change to 10 effective scopes: " + fanOut);
            System.out.println("RESULT baseline, one-document change to its listing:         " + single);
            System.out.printf("RESULT ratio p99 fan-out / p99 baseline: %.2f [target p99 < 100 ms: %s]%n",
                    fanOut.p99() / single.p99(), fanOut.p99() < 100 ? "met" : "MISSED");
        }
    }

    private static List<String> createOwnerWithTenCredentials(CommandGateway commands) {
        commands.sendAndWait(new CreateIdentity(OWNER, "Benchmark owner", IdentityKind.USER, null, null, null));
        var ids = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            String id = PAT + i;
            commands.sendAndWait(new CreatePersonalAccessToken(id, OWNER, "bench " + i, List.of("sp:scopes:all"),
                    null, "hmac:x", null));
            ids.add("/v3/personal-access-tokens/" + id + "/effective-scope");
        }
        for (int i = 0; i < 5; i++) {
            String id = CLIENT + i;
            commands.sendAndWait(new CreateApiClient(id, OWNER, null, new ApiClientSettings("bench " + i, "d", null,
                    null, 600, null, null, List.of(GrantType.CLIENT_CREDENTIALS), null, null, null, null, null, null,
                    List.of("sp:scopes:all")), "hmac:x", null));
            ids.add("/v3/oauth-clients/" + id + "/effective-scope");
        }
        return ids;
    }

    private static boolean shows(Api api, String admin, String effectiveScope, boolean granted) {
        return api.get(effectiveScope, admin).body().path("rights").toString().contains(REPORTS) == granted;
    }

    private static void waitFor(BooleanSupplier condition) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not propagated within 30 s");
            }
            Thread.onSpinWait();
        }
    }
}
