package org.fangfei.app.casefile;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Money;
import org.fangfei.app.shared.Rejected;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 追赃挽损: the assets of a case — traced, seized, frozen, realised — with their value, and
 * for realised ones what they fetched, which bounds what refunds may pay out
 * ({@link RefundBatches}).
 */
@Service
class CaseAssets {

	private final JdbcClient jdbc;

	private final Cases cases;

	private final AuditLog audit;

	CaseAssets(JdbcClient jdbc, Cases cases, AuditLog audit) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.audit = audit;
	}

	/**
	 * An asset as entered.
	 *
	 * @param value its estimated value, yuan
	 * @param realised what it fetched, yuan; required once realised
	 */
	record AssetForm(String description, AssetStatus status, String value, String realised,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate statusOn, String holder) {
	}

	/** An asset as shown. */
	record Asset(long id, String description, AssetStatus status, long valueFen, Long realisedFen, LocalDate statusOn,
			String holder) {

		public String value() {
			return Money.yuan(this.valueFen);
		}

		public String realised() {
			return this.realisedFen == null ? "" : Money.yuan(this.realisedFen);
		}

	}

	@Transactional
	long add(long caseId, int seenVersion, AssetForm form, Actor actor) {
		CaseRegistry.need(actor);
		CaseFile c = this.cases.forChange(caseId, seenVersion, actor);
		Checked a = check(form);
		c.record("资产", a.description + " " + form.status().label() + " " + Money.yuan(a.value)
				+ (a.realised == null ? "" : "，变现 " + Money.yuan(a.realised)));
		this.cases.save(c, actor);
		long id = this.jdbc
			.sql("""
					insert into case_asset (case_id, description, status, value_fen, realised_fen, status_on, holder, recorded_by)
					values (:case, :d, :status, :value, :realised, :on, :holder, :by) returning id
					""")
			.param("case", caseId)
			.param("d", a.description)
			.param("status", form.status().name())
			.param("value", a.value)
			.param("realised", a.realised)
			.param("on", form.statusOn())
			.param("holder", a.holder)
			.param("by", actor.username())
			.query(Long.class)
			.single();
		this.audit.success("CASE_ASSET", "case", caseId, c.code() + " 资产 " + a.description, null, null);
		return id;
	}

	@Transactional
	void change(long caseId, int seenVersion, long assetId, AssetForm form, Actor actor) {
		CaseRegistry.need(actor);
		CaseFile c = this.cases.forChange(caseId, seenVersion, actor);
		AssetStatus before = this.jdbc.sql("select status from case_asset where id = :a and case_id = :case")
			.param("a", assetId)
			.param("case", caseId)
			.query((rs, n) -> AssetStatus.valueOf(rs.getString(1)))
			.optional()
			.orElseThrow(() -> new Rejected("资产不存在"));
		if (before == AssetStatus.REALISED) {
			throw new Rejected("资产已变现，不能再变更");
		}
		Checked a = check(form);
		c.record("资产", a.description + " " + before.label() + " → " + form.status().label()
				+ (a.realised == null ? "" : "，变现 " + Money.yuan(a.realised)));
		this.cases.save(c, actor);
		this.jdbc.sql("""
				update case_asset set description = :d, status = :status, value_fen = :value, realised_fen = :realised,
				status_on = :on, holder = :holder, updated_at = now() where id = :a
				""")
			.param("d", a.description)
			.param("status", form.status().name())
			.param("value", a.value)
			.param("realised", a.realised)
			.param("on", form.statusOn())
			.param("holder", a.holder)
			.param("a", assetId)
			.update();
		this.audit.success("CASE_ASSET", "case", caseId, c.code() + " 资产变更 " + a.description, null, null);
	}

	/**
	 * Records the assets the office confirmed from the traced outflows (in the caller's
	 * transaction), as traced (已查明) today: one per traced account, remembered by the
	 * account's blind index, so that an account already taken is skipped, never taken
	 * twice. Refuses naming the rows when any fails. Returns what was written and what
	 * was skipped, and the value of those written.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	long[] addTraced(long caseId, List<TracedLedger.TracedAsset> rows, Actor actor) {
		List<String> problems = new java.util.ArrayList<>();
		List<Checked> checked = new java.util.ArrayList<>();
		java.util.Set<String> inForm = new java.util.HashSet<>();
		LocalDate today = org.fangfei.app.shared.Times.today();
		for (int i = 0; i < rows.size(); i++) {
			TracedLedger.TracedAsset row = rows.get(i);
			try {
				if (row.accountIndex() == null || row.accountIndex().isBlank() || !inForm.add(row.accountIndex())) {
					throw new Rejected("资产来源账户无效或重复");
				}
				checked
					.add(check(new AssetForm(row.description(), AssetStatus.TRACED, row.value(), null, today, null)));
			}
			catch (Rejected ex) {
				problems.add("资产第" + (i + 1) + "行：" + ex.getMessage());
			}
		}
		if (!problems.isEmpty()) {
			throw new Rejected("导入未执行，请改正后再确认：" + String.join("\n", problems));
		}
		java.util.Set<String> taken = tracedAccounts(caseId);
		int written = 0;
		long value = 0;
		for (int i = 0; i < rows.size(); i++) {
			if (taken.contains(rows.get(i).accountIndex())) {
				continue;
			}
			Checked a = checked.get(i);
			this.jdbc.sql("""
					insert into case_asset (case_id, description, status, value_fen, status_on, recorded_by,
					  traced_account_idx)
					values (:case, :d, 'TRACED', :value, :on, :by, :idx)
					""")
				.param("case", caseId)
				.param("d", a.description)
				.param("value", a.value)
				.param("on", today)
				.param("by", actor.username())
				.param("idx", rows.get(i).accountIndex())
				.update();
			written++;
			value += a.value;
		}
		return new long[] { written, rows.size() - written, value };
	}

	/** The blind indexes of the traced accounts the case's assets were taken from. */
	java.util.Set<String> tracedAccounts(long caseId) {
		return new java.util.HashSet<>(this.jdbc
			.sql("select traced_account_idx from case_asset where case_id = :c and traced_account_idx is not null")
			.param("c", caseId)
			.query(String.class)
			.list());
	}

	List<Asset> of(long caseId) {
		return this.jdbc.sql("select * from case_asset where case_id = :case order by id")
			.param("case", caseId)
			.query((rs, n) -> new Asset(rs.getLong("id"), rs.getString("description"),
					AssetStatus.valueOf(rs.getString("status")), rs.getLong("value_fen"),
					rs.getObject("realised_fen", Long.class), rs.getObject("status_on", LocalDate.class),
					rs.getString("holder")))
			.list();
	}

	/** What realised assets fetched in all. */
	long realisedFen(long caseId) {
		return this.jdbc
			.sql("select coalesce(sum(realised_fen), 0) from case_asset where case_id = :case and status = 'REALISED'")
			.param("case", caseId)
			.query(Long.class)
			.single();
	}

	private record Checked(String description, long value, Long realised, String holder) {
	}

	private static Checked check(AssetForm form) {
		Map<String, String> errors = new LinkedHashMap<>();
		String description = KeyCases.limited(form.description(), 200, "description", "资产名称", errors);
		if (description == null) {
			errors.put("description", "请填写资产名称");
		}
		if (form.status() == null) {
			errors.put("status", "请选择资产状态");
		}
		Long value = null;
		Long realised = null;
		try {
			value = Money.fen(form.value(), "value", "资产价值");
			if (value == null) {
				errors.put("value", "请填写资产价值");
			}
		}
		catch (Rejected ex) {
			errors.put("value", ex.getMessage());
		}
		try {
			realised = Money.fen(form.realised(), "realised", "变现金额");
		}
		catch (Rejected ex) {
			errors.put("realised", ex.getMessage());
		}
		if (form.status() == AssetStatus.REALISED && realised == null && !errors.containsKey("realised")) {
			errors.put("realised", "资产已变现，请填写变现金额");
		}
		if (form.status() != null && form.status() != AssetStatus.REALISED && realised != null) {
			errors.put("realised", "资产尚未变现，不能填写变现金额");
		}
		if (form.statusOn() == null) {
			errors.put("statusOn", "请填写日期");
		}
		else if (form.statusOn().isAfter(LocalDate.now())) {
			errors.put("statusOn", "日期不能晚于今天");
		}
		String holder = KeyCases.limited(form.holder(), 100, "holder", "保管单位", errors);
		if (!errors.isEmpty()) {
			throw new Rejected(String.join("；", errors.values()), errors);
		}
		return new Checked(description, value, realised, holder);
	}

}
