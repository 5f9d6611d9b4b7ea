package dev.idcred.access.catalogue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.idcred.shared.common.Rights;
import dev.idcred.shared.common.RightsCatalogue;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the rights catalogue data file and refuses to start on any mistake in it, naming every one: an undeclared
 * right under a level or an endpoint, an unknown HTTP method, or a right the API's own endpoints need left out.
 */
public final class RightsCatalogueFile {

    private record Document(Set<String> rights, Set<String> everyIdentity, Map<String, Set<String>> levels,
                            List<RightsCatalogue.EndpointRule> endpoints) {
    }

    private RightsCatalogueFile() {
    }

    public static RightsCatalogue load(Resource location) throws IOException {
        var yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Document document;
        try (InputStream in = location.getInputStream()) {
            document = yaml.readValue(in, Document.class);
        }
        List<String> mistakes = mistakesIn(document);
        if (!mistakes.isEmpty()) {
            throw new IllegalStateException("The rights catalogue " + location.getDescription()
                    + " is invalid:\n  - " + String.join("\n  - ", mistakes));
        }
        return new RightsCatalogue(document.rights(), document.everyIdentity(), document.levels(),
                document.endpoints());
    }

    static List<String> mistakesIn(Document document) {
        var mistakes = new ArrayList<String>();
        if (document.rights() == null || document.levels() == null || document.endpoints() == null
                || document.everyIdentity() == null) {
            mistakes.add("it needs the sections rights, everyIdentity, levels and endpoints");
            return mistakes;
        }
        Set<String> declared = document.rights();
        requiredRights().stream().filter(r -> !declared.contains(r))
                .forEach(r -> mistakes.add("the API's own right '" + r + "' is not declared under rights"));
        document.everyIdentity().stream().filter(r -> !declared.contains(r))
                .forEach(r -> mistakes.add("everyIdentity names the undeclared right '" + r + "'"));
        document.levels().forEach((level, rights) -> rights.stream()
                .filter(r -> !declared.contains(r) && !RightsCatalogue.EVERY_RIGHT.equals(r))
                .forEach(r -> mistakes.add("level " + level + " names the undeclared right '" + r + "'")));
        for (RightsCatalogue.EndpointRule rule : document.endpoints()) {
            if (rule.method() == null || rule.path() == null || rule.anyOf() == null || rule.anyOf().isEmpty()) {
                mistakes.add("an endpoint rule needs method, path and anyOf: " + rule);
                continue;
            }
            if (Arrays.stream(HttpMethod.values()).noneMatch(m -> m.name().equals(rule.method()))) {
                mistakes.add("endpoint " + rule.path() + " has the unknown method '" + rule.method() + "'");
            }
            rule.anyOf().stream().filter(r -> !declared.contains(r)).forEach(r -> mistakes.add(
                    "endpoint " + rule.method() + " " + rule.path() + " names the undeclared right '" + r + "'"));
        }
        return mistakes;
    }

    private static List<String> requiredRights() {
        return Arrays.stream(Rights.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(f -> {
                    try {
                        return (String) f.get(null);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }
}
