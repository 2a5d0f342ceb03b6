package org.fangfei.app.subject;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Objects;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.CreditCode;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.FieldCipher;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.PageOf;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.PersonalData;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.SqlLike;
import org.fangfei.app.shared.Times;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The subject ledger. Every read and write is limited to the caller's {@link DataScope}:
 * the region prefix, and for department users the sectors they supervise.
 */
@Service
public class Subjects {

	/**
	 * Counting stops here: a list of more rows says "more than" instead of paying a full
	 * count.
	 */
	public static final int COUNT_CAP = 10_000;

	static final String SELECT = """
			select s.*, r.name as region_name, g.name as grid_name,
			  sec.label as sector_label, sch.label as scheme_label, d.name as department_name
			from subject s join region r on r.code = s.region_code
			left join grid g on g.id = s.grid_id
			left join dict_item sec on sec.dict_type = 'sector' and sec.code = s.sector_code
			left join dict_item sch on sch.dict_type = 'scheme' and sch.code = s.scheme_code
			left join department d on d.id = s.department_id
			""";

	static final String SCOPE = " s.region_code like :regionLike"
			+ " and (not :sectorLimited or s.sector_code = any(:sectorCodes))";

	/** A subject without its building's name, which {@link #withBuildingNames} adds. */
	static final RowMapper<Subject> MAPPER = (rs, n) -> new Subject(rs.getLong("id"),
			SubjectKind.valueOf(rs.getString("kind")), rs.getString("name"), rs.getString("credit_code"),
			rs.getString("id_number_masked"), rs.getString("legal_representative"), rs.getString("registered_address"),
			rs.getString("business_address"), (Long) rs.getObject("building_id"), null, rs.getString("unit"),
			rs.getString("region_code"), rs.getString("region_name"), (Long) rs.getObject("grid_id"),
			rs.getString("grid_name"), rs.getString("sector_code"), rs.getString("sector_label"),
			(Long) rs.getObject("department_id"), rs.getString("department_name"), rs.getString("scheme_code"),
			rs.getString("scheme_label"),
			rs.getString("risk_level") == null ? null : RiskLevel.valueOf(rs.getString("risk_level")),
			SubjectStatus.valueOf(rs.getString("status")), rs.getString("business_scope"),
			rs.getString("statutory_words") == null ? List.of()
					: Arrays.asList(rs.getString("statutory_words").split(",")),
			rs.getString("word_review") == null ? null : Subject.WordReview.valueOf(rs.getString("word_review")),
			rs.getString("notes"), rs.getString("created_by"),
			Times.local(rs.getObject("created_at", OffsetDateTime.class)),
			Times.local(rs.getObject("updated_at", OffsetDateTime.class)), rs.getLong("version"));

	private final JdbcClient jdbc;

	private final SubjectRules rules;

	private final FieldCipher cipher;

	private final AuditLog audit;

	private final BuildingDirectory buildings;

	private final ApplicationEventPublisher events;

	Subjects(JdbcClient jdbc, SubjectRules rules, FieldCipher cipher, AuditLog audit, BuildingDirectory buildings,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
		this.buildings = buildings;
		this.rules = rules;
		this.cipher = cipher;
		this.audit = audit;
	}

	/**
	 * The one subject of the ledger with exactly this name, when there is exactly one (a
	 * public tip names its subject by name); not scoped, for modules acting for the
	 * system.
	 */
	@Transactional(readOnly = true)
	public Optional<Subject> soleNamed(String name) {
		List<Subject> found = this.jdbc.sql(SELECT + " where s.name = :name limit 2")
			.param("name", name.strip())
			.query(MAPPER)
			.list();
		return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
	}

	/**
	 * The subjects with these ids that are in the ledger, by name; not scoped, for what
	 * other modules link to subjects (a clue's subjects, seen by whoever may see the
	 * clue).
	 */
	@Transactional(readOnly = true)
	public List<Subject> byIds(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(SELECT + " where s.id = any(:ids) order by s.name, s.id")
			.param("ids", ids.toArray(Long[]::new))
			.query(MAPPER)
			.list();
	}

	/**
	 * The blind index of each subject's ID number (subjects without one are left out);
	 * not scoped, for modules that keep exact look-ups by ID number (the credit list)
	 * without ever holding the number.
	 */
	@Transactional(readOnly = true)
	public Map<Long, String> idNumberIndexes(Collection<Long> ids) {
		Map<Long, String> found = new java.util.HashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		this.jdbc.sql("select id, id_number_idx from subject where id = any(:ids) and id_number_idx is not null")
			.param("ids", ids.toArray(Long[]::new))
			.query((rs, n) -> found.put(rs.getLong(1), rs.getString(2)))
			.list();
		return found;
	}

	/**
	 * The blind index an ID number (normalised, {@code PersonalData.normaliseIdNumber})
	 * has in the ledger, to be compared with {@link #idNumberIndexes}.
	 */
	public String idNumberIndex(String normalisedIdNumber) {
		return this.rules.idNumberIndex(normalisedIdNumber);
	}

	@Transactional(readOnly = true)
	public Subject get(long id, DataScope scope) {
		return this.jdbc.sql(SELECT + " where s.id = :id and" + SCOPE)
			.params(scope.sqlParams())
			.param("id", id)
			.query(MAPPER)
			.optional()
			.map(this::withBuildingName)
			.orElseThrow(() -> new NotFound("风险主体"));
	}

	/**
	 * How many subjects are tenants of each of these buildings (入驻主体), whatever the
	 * caller's scope, as the building ledger counts them; a building without tenants is
	 * left out.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Integer> tenantCounts(Collection<Long> buildingIds) {
		Map<Long, Integer> counts = new HashMap<>();
		if (buildingIds.isEmpty()) {
			return counts;
		}
		this.jdbc.sql("select building_id, count(*) from subject where building_id = any(:ids) group by building_id")
			.param("ids", buildingIds.stream().distinct().toArray(Long[]::new))
			.query(rs -> {
				counts.put(rs.getLong(1), rs.getInt(2));
			});
		return counts;
	}

	private Subject withBuildingName(Subject subject) {
		return withBuildingNames(List.of(subject)).get(0);
	}

	/**
	 * The subjects with their buildings' names, asked of the building module in one call.
	 */
	private List<Subject> withBuildingNames(List<Subject> subjects) {
		List<Long> ids = subjects.stream().map(Subject::buildingId).filter(Objects::nonNull).distinct().toList();
		if (ids.isEmpty()) {
			return subjects;
		}
		Map<Long, String> names = this.buildings.namesOf(ids);
		return subjects.stream()
			.map(s -> s.buildingId() == null ? s : s.withBuildingName(names.get(s.buildingId())))
			.toList();
	}

	/**
	 * A page of the ledger, newest first; the total is exact up to {@link #COUNT_CAP}.
	 * One pass collects the ids of up to {@code COUNT_CAP + 1} matches, so a rare search
	 * word costs a single scan of the scope, a common one stops early; the page's rows
	 * are then read by id. A text that is a valid credit code is looked up by the code's
	 * unique index alone.
	 */
	@Transactional(readOnly = true)
	public PageOf<Subject> search(SubjectQuery q, DataScope scope, PageRequest paging) {
		Map<String, Object> params = filterParams(q, scope);
		String where = " where" + SCOPE + FILTERS;
		int offset = paging.offset();
		int size = paging.size();
		if (offset + size > COUNT_CAP + 1) {
			return deepPage(where, params, paging);
		}
		// one pass: the ids of up to COUNT_CAP + 1 matches give both the page and the
		// total
		params.put("cap", COUNT_CAP + 1);
		List<Long> ids = this.jdbc.sql("select s.id from subject s" + where + " order by s.id desc limit :cap")
			.params(params)
			.query(Long.class)
			.list();
		List<Long> pageIds = ids.subList(Math.min(offset, ids.size()), Math.min(offset + size, ids.size()));
		List<Subject> items = pageIds.isEmpty() ? List.of()
				: withBuildingNames(this.jdbc.sql(SELECT + " where s.id = any(:ids) order by s.id desc")
					.param("ids", pageIds.toArray(Long[]::new))
					.query(MAPPER)
					.list());
		return paging.pageOf(items, ids.size());
	}

	/**
	 * Pages past the counting cap: read the page by offset; the total stays "more than
	 * the cap".
	 */
	private PageOf<Subject> deepPage(String where, Map<String, Object> params, PageRequest paging) {
		params.put("size", paging.size());
		params.put("offset", paging.offset());
		List<Subject> items = withBuildingNames(
				this.jdbc.sql(SELECT + where + " order by s.id desc limit :size offset :offset")
					.params(params)
					.query(MAPPER)
					.list());
		return paging.pageOf(items, COUNT_CAP + 1L);
	}

	/** Every subject matching the filters, for export; at most {@code limit} rows. */
	@Transactional(readOnly = true)
	public List<Subject> list(SubjectQuery q, DataScope scope, int limit) {
		Map<String, Object> params = filterParams(q, scope);
		params.put("limit", limit);
		return withBuildingNames(
				this.jdbc.sql(SELECT + " where" + SCOPE + FILTERS + " order by s.region_code, s.id limit :limit")
					.params(params)
					.query(MAPPER)
					.list());
	}

	private static final String FILTERS = """
			 and (cast(:text as varchar) is null or s.name like :textLike)
			 and (cast(:grams as text[]) is null or s.name_grams @> cast(:grams as text[]))
			 and (cast(:code as varchar) is null or s.credit_code = :code)
			 and (cast(:kind as varchar) is null or s.kind = :kind)
			 and (cast(:status as varchar) is null or s.status = :status)
			 and (cast(:risk as varchar) is null or s.risk_level = :risk)
			 and (cast(:sector as varchar) is null or s.sector_code = :sector)
			 and s.region_code like :within
			 and (cast(:building as bigint) is null or s.building_id = :building)
			 and (not :flagged or s.word_review = 'PENDING')
			""";

	private static Map<String, Object> filterParams(SubjectQuery q, DataScope scope) {
		Map<String, Object> params = scope.sqlParams();
		String text = SubjectRules.blankToNull(q.text());
		String code = text == null ? null : CreditCode.normalise(text);
		boolean isCode = CreditCode.isValid(code);
		params.put("text", isCode ? null : text);
		params.put("textLike", SqlLike.contains(text));
		params.put("code", isCode ? code : null);
		params.put("grams", isCode || text == null ? null : bigrams(text));
		params.put("kind", q.kind() == null ? null : q.kind().name());
		params.put("status", q.status() == null ? null : q.status().name());
		params.put("risk", q.riskLevel() == null ? null : q.riskLevel().name());
		params.put("sector", SubjectRules.blankToNull(q.sectorCode()));
		String within = SubjectRules.blankToNull(q.regionCode());
		params.put("within", within != null && within.matches("[0-9]{12}")
				? org.fangfei.app.shared.Regions12.prefixOf(within) + "%" : "%");
		params.put("building", q.buildingId());
		params.put("flagged", Boolean.TRUE.equals(q.flagged()));
		return params;
	}

	/**
	 * The distinct character pairs of a search text, as the column {@code name_grams}
	 * holds them for names (V10 migration); null for a single character, which only the
	 * LIKE can match.
	 */
	static String[] bigrams(String text) {
		int[] chars = text.codePoints().toArray();
		if (chars.length < 2) {
			return null;
		}
		java.util.Set<String> grams = new java.util.LinkedHashSet<>();
		for (int i = 0; i + 1 < chars.length; i++) {
			grams.add(new String(chars, i, 2));
		}
		return grams.toArray(String[]::new);
	}

	@Transactional
	public Subject create(SubjectForm form, DataScope scope, String actor) {
		long id = insert(this.rules.check(form, null, scope), actor);
		Subject created = get(id, scope);
		this.audit.success("CREATE", "subject", id,
				"登记风险主体 " + created.name()
						+ (created.statutoryWords().isEmpty() ? ""
								: "（含条例第九条禁用字词：" + String.join("、", created.statutoryWords()) + "）"),
				null, created.toString());
		return created;
	}

	/**
	 * Writes a subject that passed {@link SubjectRules#check}: statutory words flagged
	 * for review, supervising department as derived, ID number encrypted. Records no
	 * audit entry; the caller does, in its transaction.
	 * @return the new subject's id
	 */
	long insert(SubjectRules.Checked checked, String actor) {
		SubjectForm form = checked.form();
		long id = this.jdbc.sql("select nextval('subject_id_seq')").query(Long.class).single();
		this.jdbc.sql(
				"insert into subject (id, kind, name, status, region_code, created_by, created_at) values (:id, :kind, :name, :status, :region, :by, :now)")
			.param("id", id)
			.param("now", Times.now())
			.param("kind", form.kind().name())
			.param("name", form.name().trim())
			.param("status", form.status().name())
			.param("region", form.regionCode())
			.param("by", actor)
			.update();
		write(id, checked, true);
		return id;
	}

	@Transactional
	public Subject update(long id, SubjectForm form, DataScope scope) {
		Subject before = get(id, scope);
		SubjectRules.Checked checked = this.rules.check(form, id, scope);
		boolean wordsChanged = !checked.words().equals(before.statutoryWords());
		write(id, checked, wordsChanged);
		Subject after = get(id, scope);
		this.audit.success("UPDATE", "subject", id, "修改风险主体 " + after.name(), before.toString(), after.toString());
		this.events.publishEvent(
				new SubjectChanged(id, after.version(), after.name(), after.regionCode(), after.sectorCode()));
		return after;
	}

	/**
	 * Writes every column of a checked form; a changed set of statutory words goes back
	 * to review.
	 */
	private void write(long id, SubjectRules.Checked c, boolean resetReview) {
		SubjectForm f = c.form();
		this.jdbc.sql("""
				update subject set kind = :kind, name = :name, credit_code = :code, legal_representative = :legal,
				  registered_address = :registered, business_address = :business, building_id = :building, unit = :unit,
				  region_code = :region, grid_id = :grid, sector_code = :sector, department_id = :department,
				  scheme_code = :scheme, risk_level = :risk, status = :status, business_scope = :scope, notes = :notes,
				  updated_at = :now, version = version + 1 where id = :id
				""")
			.param("now", Times.now())
			.param("kind", f.kind().name())
			.param("name", f.name().trim())
			.param("code", c.creditCode())
			.param("legal", SubjectRules.blankToNull(f.legalRepresentative()))
			.param("registered", SubjectRules.blankToNull(f.registeredAddress()))
			.param("business", SubjectRules.blankToNull(f.businessAddress()))
			.param("building", f.buildingId())
			.param("unit", SubjectRules.blankToNull(f.unit()))
			.param("region", f.regionCode())
			.param("grid", f.gridId())
			.param("sector", SubjectRules.blankToNull(f.sectorCode()))
			.param("department", c.departmentId())
			.param("scheme", SubjectRules.blankToNull(f.schemeCode()))
			.param("risk", f.riskLevel() == null ? null : f.riskLevel().name())
			.param("status", f.status().name())
			.param("scope", SubjectRules.blankToNull(f.businessScope()))
			.param("notes", SubjectRules.blankToNull(f.notes()))
			.param("id", id)
			.update();
		if (resetReview) {
			this.jdbc.sql("update subject set statutory_words = :w, word_review = :r where id = :id")
				.param("w", c.words().isEmpty() ? null : String.join(",", c.words()))
				.param("r", c.words().isEmpty() ? null : Subject.WordReview.PENDING.name())
				.param("id", id)
				.update();
		}
		if (c.idNumber() != null) {
			this.jdbc.sql(
					"update subject set id_number_enc = :enc, id_number_idx = :idx, id_number_masked = :m where id = :id")
				.param("enc", this.cipher.encrypt(c.idNumber(), SubjectRules.ID_NUMBER + ":" + id))
				.param("idx", this.rules.idNumberIndex(c.idNumber()))
				.param("m", PersonalData.maskIdNumber(c.idNumber()))
				.param("id", id)
				.update();
		}
	}

	/** Records the review of a subject flagged under 条例 art. 9. */
	@Transactional
	public Subject review(long id, Subject.WordReview decision, DataScope scope) {
		Subject before = get(id, scope);
		if (before.wordReview() == null) {
			throw new Rejected("该主体没有需要审核的禁用字词");
		}
		if (decision == Subject.WordReview.PENDING) {
			throw new Rejected("请选择“确认违规”或“已核实无问题”");
		}
		this.jdbc.sql("update subject set word_review = :r, updated_at = now() where id = :id")
			.param("r", decision.name())
			.param("id", id)
			.update();
		this.audit.success("REVIEW", "subject", id, "审核禁用字词 " + before.name() + "：" + decision.label(),
				before.wordReview().name(), decision.name());
		return get(id, scope);
	}

}
