package org.fangfei.app.building;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.fangfei.app.subject.BuildingDirectory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The facts of a building other modules show beside their own records: its region and
 * name. Also the subject ledger's {@link BuildingDirectory}, which is why it uses nothing
 * but the building table (the ledger is used by {@link Buildings}).
 */
@Component
class BuildingFacts implements BuildingDirectory {

	private final JdbcClient jdbc;

	BuildingFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<String> regionOf(long buildingId) {
		return this.jdbc.sql("select region_code from building where id = :id")
			.param("id", buildingId)
			.query(String.class)
			.optional();
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, String> namesOf(Collection<Long> buildingIds) {
		Map<Long, String> names = new HashMap<>();
		if (buildingIds.isEmpty()) {
			return names;
		}
		this.jdbc.sql("select id, name from building where id = any(:ids)")
			.param("ids", buildingIds.stream().distinct().toArray(Long[]::new))
			.query(rs -> {
				names.put(rs.getLong(1), rs.getString(2));
			});
		return names;
	}

}
