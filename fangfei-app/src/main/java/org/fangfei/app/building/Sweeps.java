package org.fangfei.app.building;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.Regions12;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records sweeps (扫楼) and tells which buildings of a jurisdiction are still unswept this
 * month.
 */
@Service
public class Sweeps {

	/** The most unswept buildings listed at once; the counts are always exact. */
	static final int UNSWEPT_LIST_LIMIT = 500;

	private static final String SELECT = """
			select w.*, b.name as building_name, c.name as campaign_name
			from building_sweep w join building b on b.id = w.building_id
			left join sweep_campaign c on c.id = w.campaign_id
			""";

	private static final RowMapper<Sweep> MAPPER = (rs, n) -> new Sweep(rs.getLong("id"), rs.getLong("building_id"),
			rs.getString("building_name"), (Long) rs.getObject("campaign_id"), rs.getString("campaign_name"),
			rs.getObject("swept_on", LocalDate.class), rs.getString("swept_by"), rs.getString("participants"),
			rs.getInt("tenants_checked"), rs.getInt("risks_found"), rs.getString("findings"),
			Times.local(rs.getObject("created_at", OffsetDateTime.class)), rs.getBoolean("raise_clue"),
			rs.getString("clue_ref"));

	private final JdbcClient jdbc;

	private final Buildings buildings;

	private final SweepCampaigns campaigns;

	private final SweepCalendar calendar;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	Sweeps(JdbcClient jdbc, Buildings buildings, SweepCampaigns campaigns, SweepCalendar calendar, AuditLog audit,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
		this.buildings = buildings;
		this.campaigns = campaigns;
		this.calendar = calendar;
		this.audit = audit;
	}

	/**
	 * The building's sweeps, newest first; 404 when the building is outside the scope.
	 */
	@Transactional(readOnly = true)
	public List<Sweep> ofBuilding(long buildingId, DataScope scope) {
		this.buildings.get(buildingId, scope);
		return this.jdbc.sql(SELECT + " where w.building_id = :id order by w.swept_on desc, w.id desc")
			.param("id", buildingId)
			.query(MAPPER)
			.list();
	}

	/**
	 * Records a sweep by {@code actor}. The building must be enabled, the day not in the
	 * future, and a campaign (when given) must cover the building's region and the day. A
	 * sweep that raises a clue must say what was found; it publishes
	 * {@link SweepFindingRaised} in the same transaction.
	 */
	@Transactional
	Sweep record(long buildingId, SweepForm form, DataScope scope, String actor) {
		Building building = this.buildings.get(buildingId, scope);
		check(building, form, scope);
		long id = this.jdbc
			.sql("""
					insert into building_sweep (building_id, campaign_id, swept_on, swept_by, participants,
					  tenants_checked, risks_found, findings, raise_clue, created_at)
					values (:building, :campaign, :sweptOn, :actor, :participants, :checked, :risks, :findings, :raise, :now)
					returning id
					""")
			.param("now", Times.now())
			.param("building", buildingId)
			.param("campaign", form.campaignId())
			.param("sweptOn", form.sweptOn())
			.param("actor", actor)
			.param("participants", form.participants().trim())
			.param("checked", form.tenantsChecked())
			.param("risks", form.risksFound())
			.param("findings", BuildingRules.blankToNull(form.findings()))
			.param("raise", form.raisesClue())
			.query(Long.class)
			.single();
		if (form.raisesClue()) {
			this.events.publishEvent(new SweepFindingRaised(id, buildingId, building.regionCode(),
					summaryOf(building.name(), form.findings()), actor));
		}
		Sweep sweep = this.jdbc.sql(SELECT + " where w.id = :id").param("id", id).query(MAPPER).single();
		this.audit.success("CREATE", "building_sweep", id, "登记扫楼 " + building.name() + " " + form.sweptOn(), null,
				sweep.toString());
		return sweep;
	}

	private void check(Building building, SweepForm form, DataScope scope) {
		if (!building.enabled()) {
			throw new Rejected("楼宇“" + building.name() + "”已停用，不能登记扫楼");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		if (form.raisesClue() && (form.findings() == null || form.findings().isBlank())) {
			errors.put("findings", "上报线索须填写发现的问题");
		}
		if (form.sweptOn().isAfter(this.calendar.today())) {
			errors.put("sweptOn", "扫楼日期不能晚于今天");
		}
		if (form.campaignId() != null) {
			SweepCampaign campaign = this.campaigns.find(form.campaignId(), scope).orElse(null);
			if (campaign == null) {
				errors.put("campaignId", "专项行动不存在或不在您的管辖范围内");
			}
			else if (!building.regionCode().startsWith(Regions12.prefixOf(campaign.regionCode()))) {
				errors.put("campaignId", "该楼宇不在专项行动“" + campaign.name() + "”的区域内");
			}
			else if (!campaign.covers(form.sweptOn())) {
				errors.putIfAbsent("sweptOn", "扫楼日期不在专项行动期间(" + campaign.startsOn() + " 至 " + campaign.endsOn() + ")");
			}
		}
		if (!errors.isEmpty()) {
			throw new Rejected(String.join("；", errors.values()), errors);
		}
	}

	/** 扫楼“某楼宇”发现：what was found, within the length a clue's description allows. */
	static String summaryOf(String buildingName, String findings) {
		return "扫楼“" + buildingName + "”发现：" + findings.strip();
	}

	/**
	 * Sweeps that raised a clue the clue workflow has not taken in yet, oldest first
	 * (their event was lost or failed).
	 */
	@Transactional(readOnly = true)
	public List<SweepFindingRaised> untakenFindings(int limit) {
		return this.jdbc.sql("""
				select w.id, w.building_id, b.region_code, b.name, w.findings, w.swept_by
				from building_sweep w join building b on b.id = w.building_id
				where w.raise_clue and w.clue_taken_at is null order by w.created_at, w.id limit :limit
				""")
			.param("limit", limit)
			.query((rs, n) -> new SweepFindingRaised(rs.getLong(1), rs.getLong(2), rs.getString(3),
					summaryOf(rs.getString(4), rs.getString(5)), rs.getString(6)))
			.list();
	}

	/** The clue workflow took the sweep's finding in as clue {@code clueRef}. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void findingTaken(long sweepId, String clueRef) {
		this.jdbc.sql("""
				update building_sweep set clue_taken_at = now(), clue_ref = :ref
				where id = :id and raise_clue and clue_taken_at is null
				""").param("ref", clueRef).param("id", sweepId).update();
	}

	/**
	 * This month's sweeping in the caller's jurisdiction, optionally narrowed to a region
	 * within it (e.g. one township for county staff).
	 */
	@Transactional(readOnly = true)
	public MonthProgress thisMonth(String regionCode, DataScope scope) {
		YearMonth month = this.calendar.thisMonth();
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("regionLike", scope.regionLike());
		params.put("within",
				regionCode != null && Regions12.isValid(regionCode) ? Regions12.prefixOf(regionCode) + "%" : "%");
		params.put("monthStart", month.atDay(1));
		params.put("monthEnd", month.plusMonths(1).atDay(1));
		String where = " where b.enabled and b.region_code like :regionLike and b.region_code like :within";
		Map<String, Object> counts = this.jdbc
			.sql("select count(*) filter (where " + Buildings.SWEPT_IN_MONTH + ") as swept, count(*) filter (where not "
					+ Buildings.SWEPT_IN_MONTH + ") as unswept from building b" + where)
			.params(params)
			.query()
			.singleRow();
		params.put("limit", UNSWEPT_LIST_LIMIT);
		List<Building> unswept = this.buildings
			.withTenants(this.jdbc
				.sql(Buildings.SELECT + where + " and not " + Buildings.SWEPT_IN_MONTH
						+ " order by b.region_code, b.name limit :limit")
				.params(params)
				.query(Buildings.MAPPER)
				.list());
		return new MonthProgress(month, ((Number) counts.get("swept")).longValue(),
				((Number) counts.get("unswept")).longValue(), unswept);
	}

}
