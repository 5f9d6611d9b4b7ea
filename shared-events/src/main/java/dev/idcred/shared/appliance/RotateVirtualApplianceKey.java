package dev.idcred.shared.appliance;

/**
 * Give a virtual appliance's key a new secret (the only way a VA key rotates), the earlier one valid for
 * {@code gracePeriodSeconds} (null: a day), so the appliance can be reconfigured without a gap.
 */
public record RotateVirtualApplianceKey(String applianceId, String secretHash, Integer gracePeriodSeconds) {
}
