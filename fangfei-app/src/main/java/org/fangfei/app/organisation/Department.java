package org.fangfei.app.organisation;

import java.util.List;

/**
 * A 成员单位 and the sectors it supervises (谁审批谁监管, 谁主管谁监管). The office (处非办) takes the
 * sectors nobody owns.
 */
public record Department(long id, String name, String shortName, String regionCode, String regionName, boolean office,
		boolean enabled, List<String> sectorCodes, List<String> sectorLabels) {
}
