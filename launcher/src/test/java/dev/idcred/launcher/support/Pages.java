package dev.idcred.launcher.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser for the service's own pages: cookies kept, redirects returned rather than followed,
 * and a page's first form posted back with its hidden fields.
 */
public final class Pages {

    public record Page(int status, String location, String body, java.util.List<String> setCookies) {
        public Page expect(int expected) {
            if (status != expected) {
                throw new AssertionError("expected " + expected + " but was " + status + ": " + body);
            }
            return this;
        }

        /** The hidden fields of the page's first form. */
        public Map<String, String> hidden() {
            var fields = new LinkedHashMap<String, String>();
            Matcher input = Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\"")
                    .matcher(body);
            while (input.find()) {
                fields.putIfAbsent(input.group(1), input.group(2).replace("&amp;", "&"));
            }
            return fields;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    public final Map<String, String> cookies = new LinkedHashMap<>();

    public Pages(String base) {
        this.base = base;
    }

    public Page get(String pathOrUrl) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).GET());
    }

    public Page post(String pathOrUrl, Map<String, String> fields) {
        String form = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** Posts the page's first form (its action, its hidden fields, these values). */
    public Page submit(Page page, String action, Map<String, String> values) {
        var fields = new LinkedHashMap<>(page.hidden());
        fields.putAll(values);
        return post(action, fields);
    }

    /**
     * Signs {@code username} in at the authorization endpoint for {@code clientId} (approving the consent if asked)
     * and answers the redirect back to the client, which holds the code.
     */
    public String authorize(String authorizeQuery, String username, String password) {
        Page toSignIn = get("/oauth/authorize?" + authorizeQuery);
        Page signInForm = get(toSignIn.location());
        Page signedIn = submit(signInForm, "/signin", Map.of("username", username, "password", password));
        Page next = get(signedIn.location());
        if (next.status() == 200 && next.body().contains("name=\"decision\"")) {
            next = submit(next, "/oauth/authorize", Map.of("decision", "approve"));
        }
        return next.location();
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
    }

    private Page send(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            var set = response.headers().allValues("set-cookie");
            for (String cookie : set) {
                String pair = cookie.split(";", 2)[0];
                String name = pair.substring(0, pair.indexOf('='));
                String value = pair.substring(pair.indexOf('=') + 1);
                if (cookie.toLowerCase().contains("max-age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return new Page(response.statusCode(), response.headers().firstValue("location").orElse(null),
                    response.body(), set);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
