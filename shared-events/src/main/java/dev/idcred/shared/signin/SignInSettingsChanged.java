package dev.idcred.shared.signin;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The tenant's sign-in rules changed; carries them all as they now are. */
@Revision("1")
public record SignInSettingsChanged(String tenantId, SignInSettings settings, Instant changedAt) {
}
