package dev.idcred.access.issuer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

import java.net.URI;

/**
 * The service's issuer identifier (RFC 8414, OpenID Connect Discovery): a URL, {@code ISSUER_URL}, the same in the
 * metadata, the {@code iss} claim of every token and the authorization response, on every instance of either side.
 * Unset, it is {@code http://localhost:<the port this process listens on>} (one process, as {@code ./run.sh} runs it),
 * or on a query side alone the origin of the key set it verifies with ({@code JWK_SET_URI}). Several instances behind
 * a gateway must set it to the gateway's URL.
 */
@Component
public class Issuer implements ApplicationListener<WebServerInitializedEvent> {

    private final String configured;
    private volatile String fromServer;

    public Issuer(@Value("${credentials.issuer-url:}") String issuerUrl,
                  @Value("${credentials.jwk-set-uri:}") String jwkSetUri) {
        this.configured = !issuerUrl.isBlank() ? valid(issuerUrl.strip())
                : !jwkSetUri.isBlank() ? origin(URI.create(jwkSetUri.strip())) : null;
    }

    /** The issuer URL, with no trailing slash. */
    public String url() {
        if (configured != null) {
            return configured;
        }
        String server = fromServer;
        if (server == null) {
            throw new IllegalStateException("The issuer is not known before the web server listens: set ISSUER_URL");
        }
        return server;
    }

    /** {@code path} (starting with {@code /}) under the issuer. */
    public String at(String path) {
        return url() + path;
    }

    public boolean secure() {
        return url().startsWith("https://");
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (fromServer == null && event.getApplicationContext().getServerNamespace() == null) {
            fromServer = "http://localhost:" + event.getWebServer().getPort();
        }
    }

    private static String valid(String url) {
        URI uri = URI.create(url);
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("ISSUER_URL must be an http(s) URL with no query or fragment: " + url);
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
