package dev.idcred.launcher.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser as the server sees one: it keeps its cookies, follows no redirect by itself, sends forms with the CSRF
 * token of the last page, and may come from an address of its own on loopback (127.0.0.2 and on), so a test can
 * play several people at several addresses.
 */
public final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;
    private String lastPage = "";

    public Browser(String base) {
        this(base, null);
    }

    /** A browser that connects from {@code localAddress}, a loopback address such as {@code 127.0.0.5}. */
    public Browser(String base, String localAddress) {
        this.base = base;
        HttpClient.Builder builder = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL));
        if (localAddress != null) {
            try {
                builder.localAddress(InetAddress.getByName(localAddress));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        this.http = builder.build();
    }

    public HttpResponse<String> get(String pathOrUrl) {
        return remember(send(HttpRequest.newBuilder(uri(pathOrUrl)).GET()));
    }

    /** Posts a form with the CSRF token of the last page read. */
    public HttpResponse<String> submit(String path, Map<String, String> fields) {
        var form = new java.util.LinkedHashMap<>(fields);
        Matcher csrf = CSRF.matcher(lastPage);
        if (csrf.find()) {
            form.putIfAbsent("_csrf", csrf.group(1));
        }
        return post(path, form);
    }

    /** Posts a form as it is, without a CSRF token. */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return remember(send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))));
    }

    /** Follows a response's redirect, as a browser does. */
    public HttpResponse<String> follow(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("a redirect").isBetween(300, 399);
        return get(response.headers().firstValue("Location").orElseThrow());
    }

    public static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
    }

    private HttpResponse<String> remember(HttpResponse<String> response) {
        if (response.statusCode() == 200) {
            lastPage = response.body();
        }
        return response;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
