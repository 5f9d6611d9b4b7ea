package com.example.credentials.shared.common;

import java.util.List;

/** Where an identity's personal access tokens may be used from: CIDR ranges and ISO 3166 country codes. */
public record NetworkRules(List<String> allowedCidrs, List<String> allowedCountries) {

    public NetworkRules {
        allowedCidrs = allowedCidrs == null ? List.of() : List.copyOf(allowedCidrs);
        allowedCountries = allowedCountries == null ? List.of() : List.copyOf(allowedCountries);
    }
}
