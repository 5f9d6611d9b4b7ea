package dev.idcred.launcher.security;

import dev.idcred.launcher.support.Browser;
import dev.idcred.launcher.support.RunningService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, finding 6: the console's sign-ins count against the person's address, not the console's. On a service
 * that trusts no proxy (the default), people at two loopback addresses sign in through the console: fifty failures
 * from one of them leave the other's sign-in untouched.
 */
class ConsoleAddressIT {

    private static RunningService service;

    @BeforeAll
    static void start() {
        service = RunningService.start(RunningService.newDataDir());
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static HttpResponse<String> signIn(Browser browser, String clientId, String secret) {
        browser.get("/console/sign-in");
        return browser.submit("/console/sign-in", Map.of("clientId", clientId, "clientSecret", secret));
    }

    @Test
    void failuresFromOnePersonsAddressLeaveAnotherPersonsSignInAlone() {
        Browser guesser = new Browser(service.api().base(), "127.0.0.5");
        for (int i = 0; i < 55; i++) {
            signIn(guesser, "nobody-" + i, "wrong secret " + i);
        }
        HttpResponse<String> throttled = signIn(guesser, RunningService.ADMIN_CLIENT_ID,
                RunningService.ADMIN_CLIENT_SECRET);
        assertThat(Browser.location(throttled)).contains("failed");
        assertThat(guesser.follow(throttled).body()).contains("Too many failed attempts");

        Browser person = new Browser(service.api().base(), "127.0.0.6");
        HttpResponse<String> signedIn = signIn(person, RunningService.ADMIN_CLIENT_ID,
                RunningService.ADMIN_CLIENT_SECRET);
        assertThat(Browser.location(signedIn)).endsWith("/console");
    }
}
