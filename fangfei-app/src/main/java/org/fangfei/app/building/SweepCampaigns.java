package org.fangfei.app.building;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.organisation.Regions;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.Regions12;
import org.fangfei.app.shared.Rejected;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sweep campaigns (专项扫楼行动). A caller sees the campaigns of regions within their
 * jurisdiction and those of the regions above it (a county campaign is swept by its
 * townships too); a campaign's progress covers only the caller's own buildings.
 */
@Service
public class SweepCampaigns {

	private static final String SELECT = """
			select c.*, r.name as region_name from sweep_campaign c join region r on r.code = c.region_code
			""";

	private static final String VISIBLE = " (c.region_code like :regionLike or c.region_code = any(:above))";

	private static final RowMapper<SweepCampaign> MAPPER = (rs, n) -> new SweepCampaign(rs.getLong("id"),
			rs.getString("name"), rs.getString("region_code"), rs.getString("region_name"),
			rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class));

	private final JdbcClient jdbc;

	private final Regions regions;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	SweepCampaigns(JdbcClient jdbc, Regions regions, AuditLog audit, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.audit = audit;
		this.events = events;
	}

	/**
	 * Starts a sweep campaign of a region within the caller's jurisdiction, as the
	 * campaign module's page asks; refused in Chinese like the API's.
	 */
	@Transactional
	public SweepCampaign start(String name, String regionCode, LocalDate startsOn, LocalDate endsOn, DataScope scope) {
		return create(new CampaignForm(name, regionCode, startsOn, endsOn), scope);
	}

	@Transactional(readOnly = true)
	public Optional<SweepCampaign> find(long id, DataScope scope) {
		return this.jdbc.sql(SELECT + " where c.id = :id and" + VISIBLE)
			.param("id", id)
			.param("regionLike", scope.regionLike())
			.param("above", above(scope))
			.query(MAPPER)
			.optional();
	}

	@Transactional(readOnly = true)
	public SweepCampaign get(long id, DataScope scope) {
		return find(id, scope).orElseThrow(() -> new NotFound("专项行动"));
	}

	/** Newest first. */
	@Transactional(readOnly = true)
	public List<SweepCampaign> list(DataScope scope) {
		return this.jdbc.sql(SELECT + " where" + VISIBLE + " order by c.starts_on desc, c.id desc limit 200")
			.param("regionLike", scope.regionLike())
			.param("above", above(scope))
			.query(MAPPER)
			.list();
	}

	@Transactional
	SweepCampaign create(CampaignForm form, DataScope scope) {
		if (this.regions.byCode(form.regionCode()).filter(r -> scope.covers(r.code()) && r.enabled()).isEmpty()) {
			throw new Rejected("所属区划不存在或不在您的管辖范围内", Map.of("regionCode", "所属区划不存在或不在您的管辖范围内"));
		}
		if (form.endsOn().isBefore(form.startsOn())) {
			throw new Rejected("结束日期不能早于开始日期", Map.of("endsOn", "结束日期不能早于开始日期"));
		}
		long id = this.jdbc.sql("""
				insert into sweep_campaign (name, region_code, starts_on, ends_on)
				values (:name, :region, :starts, :ends) returning id
				""")
			.param("name", form.name().trim())
			.param("region", form.regionCode())
			.param("starts", form.startsOn())
			.param("ends", form.endsOn())
			.query(Long.class)
			.single();
		SweepCampaign created = get(id, scope);
		this.events.publishEvent(new SweepCampaignStarted(id, created.name(), created.regionCode(), created.startsOn(),
				created.endsOn()));
		this.audit.success("CREATE", "sweep_campaign", id, "新建扫楼专项行动 " + created.name(), null, created.toString());
		return created;
	}

	/**
	 * Which enabled buildings of the campaign's region were swept during the campaign.
	 */
	@Transactional(readOnly = true)
	public CampaignProgress progress(long id, DataScope scope) {
		SweepCampaign campaign = get(id, scope);
		List<CampaignProgress.Row> rows = this.jdbc.sql("""
				select b.id, b.name, b.address, r.name as region_name, s.last_swept_on, coalesce(s.sweeps, 0) as sweeps
				from building b join region r on r.code = b.region_code
				left join (select w.building_id, max(w.swept_on) as last_swept_on, count(*) as sweeps
				  from building_sweep w where w.swept_on between :starts and :ends group by w.building_id) s
				  on s.building_id = b.id
				where b.enabled and b.region_code like :campaignLike and b.region_code like :regionLike
				order by b.region_code, b.name
				""")
			.param("starts", campaign.startsOn())
			.param("ends", campaign.endsOn())
			.param("campaignLike", Regions12.prefixOf(campaign.regionCode()) + "%")
			.param("regionLike", scope.regionLike())
			.query((rs, n) -> new CampaignProgress.Row(rs.getLong("id"), rs.getString("name"), rs.getString("address"),
					rs.getString("region_name"), rs.getObject("last_swept_on", LocalDate.class), rs.getInt("sweeps")))
			.list();
		return new CampaignProgress(campaign, rows.stream().filter(r -> r.sweeps() > 0).toList(),
				rows.stream().filter(r -> r.sweeps() == 0).toList());
	}

	/**
	 * The codes of the regions above the caller's jurisdiction: a township sees its
	 * county's campaigns.
	 */
	static String[] above(DataScope scope) {
		List<String> codes = new ArrayList<>();
		if (!scope.nothing()) {
			String prefix = scope.regionPrefix();
			for (int len : new int[] { 2, 4, 6, 9 }) {
				if (len < prefix.length()) {
					codes.add((prefix.substring(0, len) + "000000000000").substring(0, 12));
				}
			}
		}
		return codes.toArray(String[]::new);
	}

}
