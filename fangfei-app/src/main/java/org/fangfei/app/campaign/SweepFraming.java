package org.fangfei.app.campaign;

import java.util.Map;

import org.fangfei.app.building.CampaignProgress;
import org.fangfei.app.building.SweepCampaign;
import org.fangfei.app.building.SweepCampaignStarted;
import org.fangfei.app.building.SweepCampaigns;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.Rejected;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sweep campaigns (扫楼专项行动) as campaigns: the building module keeps each sweep campaign's
 * region, dates and per-building sweeps; this module frames it as a campaign with one
 * sweep task whose progress is the building module's figures. Every sweep campaign gets
 * its frame — those started here at once, those started through the building API when
 * their {@link SweepCampaignStarted} arrives, those from before V87 by that migration.
 */
@Service
class SweepFraming {

	private final JdbcClient jdbc;

	private final SweepCampaigns sweeps;

	SweepFraming(JdbcClient jdbc, SweepCampaigns sweeps) {
		this.jdbc = jdbc;
		this.sweeps = sweeps;
	}

	/** Starts a sweep campaign and frames it; returns the campaign's id. */
	@Transactional
	long start(SweepForm form, Actor actor) {
		if (form.endsOn().isBefore(form.startsOn())) {
			throw new Rejected("结束日期不能早于开始日期", Map.of("endsOn", "结束日期不能早于开始日期"));
		}
		SweepCampaign s = this.sweeps.start(form.name().strip(), form.regionCode(), form.startsOn(), form.endsOn(),
				actor.scope());
		return frame(s.id(), s.name(), s.regionCode(), s.startsOn(), s.endsOn(), actor.username());
	}

	@ApplicationModuleListener
	void on(SweepCampaignStarted e) {
		frame(e.sweepCampaignId(), e.name(), e.regionCode(), e.startsOn(), e.endsOn(), "system");
	}

	/** The campaign framing a sweep campaign; idempotent. */
	long frame(long sweepId, String name, String region, java.time.LocalDate starts, java.time.LocalDate ends,
			String by) {
		Long existing = campaignOf(sweepId);
		if (existing != null) {
			return existing;
		}
		Long inserted = this.jdbc.sql("""
				insert into campaign (name, region_code, starts_on, ends_on, sweep_campaign_id, created_by)
				values (:n, :r, :s, :e, :sw, :by) on conflict (sweep_campaign_id) do nothing returning id
				""")
			.param("n", name)
			.param("r", region)
			.param("s", starts)
			.param("e", ends)
			.param("sw", sweepId)
			.param("by", by)
			.query(Long.class)
			.optional()
			.orElse(null);
		if (inserted == null) {
			return campaignOf(sweepId);
		}
		long id = inserted;
		this.jdbc.sql("""
				insert into campaign_task (campaign_id, group_no, group_name, seq, title, body, period, due_on, sweep)
				values (:c, 1, '扫楼清街', 1, '扫楼清街式排查', '对区域内楼宇逐栋扫楼，进度取自楼宇扫楼记录', 'ONCE', :d, true)
				""").param("c", id).param("d", ends).update();
		return id;
	}

	Long campaignOf(long sweepId) {
		return this.jdbc.sql("select id from campaign where sweep_campaign_id = :s")
			.param("s", sweepId)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	/** The sweep progress of a sweep campaign, within the caller's own buildings. */
	CampaignProgress progress(Campaign c, Actor actor) {
		return this.sweeps.progress(c.sweepCampaignId(), actor.scope());
	}

	/** The campaign for an old /sweep-campaigns/{id} address. */
	@Transactional
	long campaignFor(long sweepId, Actor actor) {
		SweepCampaign s = this.sweeps.find(sweepId, actor.scope()).orElseThrow(() -> new NotFound("专项行动"));
		return frame(s.id(), s.name(), s.regionCode(), s.startsOn(), s.endsOn(), "system");
	}

}
