package dev.idcred.shared.usage;

import java.util.List;

/**
 * What a credential did within one minute, as one instance saw it: how many access tokens it obtained, with which
 * of its secret versions (client-credentials grants; refresh grants name none), and from where.
 */
public record Usage(int tokens, List<Integer> secretVersions, List<ClientSeen> clients) {

    public Usage {
        secretVersions = secretVersions == null ? List.of() : List.copyOf(secretVersions);
        clients = clients == null ? List.of() : List.copyOf(clients);
    }

    /** What a usage event written before tallies existed stands for: one token, from nowhere known. */
    public static Usage single() {
        return new Usage(1, List.of(), List.of());
    }
}
