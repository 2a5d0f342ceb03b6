package org.fangfei.app.enquiry;

import java.util.List;

import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.NotFound;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The matters (cases, clues) whose statements a caller may trace: those with an enquiry
 * in the caller's jurisdiction. A matter outside it does not exist for the caller.
 */
@Component
class TraceMatters {

	/** A matter with how much of it was read. */
	public record Row(String kind, long id, String label, int statements, long flows) {

		public String kindLabel() {
			return "CASE".equals(this.kind) ? "案件" : "线索";
		}

	}

	private final JdbcClient jdbc;

	TraceMatters(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Matter visible(String kind, long id, DataScope scope) {
		return this.jdbc.sql("""
				select matter_kind, matter_id, matter_label, region_code from enquiry
				where matter_kind = :k and matter_id = :m and region_code like :regionLike order by id limit 1
				""")
			.param("k", kind)
			.param("m", id)
			.param("regionLike", scope.regionLike())
			.query((rs, n) -> new Matter(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
			.optional()
			.orElseThrow(() -> new NotFound("资金穿透"));
	}

	List<Row> list(DataScope scope) {
		return this.jdbc
			.sql("""
					select e.matter_kind, e.matter_id, min(e.matter_label) label,
					  (select count(*) from statement s where s.matter_kind = e.matter_kind and s.matter_id = e.matter_id) st,
					  (select coalesce(sum(rows_loaded), 0) from statement s where s.matter_kind = e.matter_kind
					     and s.matter_id = e.matter_id) flows
					from enquiry e where e.region_code like :regionLike
					group by e.matter_kind, e.matter_id order by max(e.id) desc limit 200
					""")
			.param("regionLike", scope.regionLike())
			.query((rs, n) -> new Row(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getLong(5)))
			.list();
	}

	/** The statements read for a matter. */
	public record Loaded(long id, long enquiryId, String fileName, String account, int rowsRead, int rowsLoaded,
			int duplicates, int summaryRows, String loadedBy, java.time.OffsetDateTime loadedAt) {
	}

	List<Loaded> ofEnquiry(long enquiryId) {
		return loaded("s.enquiry_id = :id and :k = :k", "", enquiryId);
	}

	List<Loaded> ofMatter(Matter matter) {
		return loaded("s.matter_id = :id and s.matter_kind = :k", matter.kind(), matter.id());
	}

	private List<Loaded> loaded(String where, String kind, long id) {
		return this.jdbc
			.sql("select s.*, a.number_masked from statement s join trace_account a on a.id = s.account_id where "
					+ where + " order by s.id")
			.param("id", id)
			.param("k", kind)
			.query((rs, n) -> new Loaded(rs.getLong("id"), rs.getLong("enquiry_id"), rs.getString("file_name"),
					rs.getString("number_masked"), rs.getInt("rows_read"), rs.getInt("rows_loaded"),
					rs.getInt("duplicates"), rs.getInt("summary_rows"), rs.getString("loaded_by"),
					rs.getObject("loaded_at", java.time.OffsetDateTime.class)))
			.list();
	}

}
