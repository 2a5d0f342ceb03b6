package org.fangfei.app.subject;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * What the subject ledger needs to know of the buildings its subjects are tenants of
 * (入驻楼宇). The building module owns the buildings and provides this port, so the ledger
 * names no building table and needs no dependency on that module (which depends on this
 * one).
 */
public interface BuildingDirectory {

	/** The region code of the building, when there is such a building. */
	Optional<String> regionOf(long buildingId);

	/** The names of these buildings, in one look-up; ids of no building are left out. */
	Map<Long, String> namesOf(Collection<Long> buildingIds);

}
