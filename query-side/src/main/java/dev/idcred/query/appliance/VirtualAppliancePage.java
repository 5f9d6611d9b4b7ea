package dev.idcred.query.appliance;

import dev.idcred.query.support.ResultPage;

import java.util.List;

/** One page of the VirtualAppliance listing. */
public record VirtualAppliancePage(List<VirtualApplianceView> items, long total) implements ResultPage<VirtualApplianceView> {
}
