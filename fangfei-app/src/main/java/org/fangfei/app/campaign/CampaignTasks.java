package org.fangfei.app.campaign;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.Rejected;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adding, editing and removing a campaign's tasks and their units. A unit that has
 * reported on a task stays on it, and a task with reports is not removed: progress is
 * never lost by an edit.
 */
@Service
class CampaignTasks {

	private final JdbcClient jdbc;

	private final Campaigns campaigns;

	private final CampaignUnits units;

	private final AuditLog audit;

	CampaignTasks(JdbcClient jdbc, Campaigns campaigns, CampaignUnits units, AuditLog audit) {
		this.jdbc = jdbc;
		this.campaigns = campaigns;
		this.units = units;
		this.audit = audit;
	}

	/** Saves a new task ({@code taskId} null) or changes one; returns its id. */
	@Transactional
	long save(long campaignId, Long taskId, CampaignForms.TaskForm form, Actor actor) {
		Campaign c = this.campaigns.editable(campaignId, actor);
		Campaign.Task existing = taskId == null ? null
				: c.tasks().stream().filter(t -> t.id() == taskId).findFirst().orElseThrow(() -> new NotFound("任务"));
		List<CampaignUnits.Resolved> leads = resolve(form.leads(), c.regionCode());
		List<CampaignUnits.Resolved> assists = resolve(form.assists(), c.regionCode());
		if (leads.isEmpty() && form.writtenLeads().isEmpty() && (existing == null || !existing.sweep())) {
			throw new Rejected("每项任务须有牵头单位", Map.of("leadKeys", "请选择牵头单位"));
		}
		Set<String> leadKeys = new HashSet<>(form.leads());
		for (String key : form.assists()) {
			if (leadKeys.contains(key)) {
				throw new Rejected("同一单位不能既是牵头单位又是配合单位", Map.of("assistKeys", "与牵头单位重复"));
			}
		}
		int dueDay = form.dueDay() == null ? 5 : form.dueDay();
		if (form.period() == Period.ONCE) {
			if (form.dueOn() == null) {
				throw new Rejected("一次性任务须填写报送期限", Map.of("dueOn", "请填写报送期限"));
			}
			if (form.dueOn().isBefore(c.startsOn()) || form.dueOn().isAfter(c.endsOn().plusMonths(1))) {
				throw new Rejected("报送期限应在行动起止日期之内", Map.of("dueOn", "报送期限应在行动起止日期之内"));
			}
		}
		long id = existing == null ? insert(c, form, dueDay) : update(existing, form, dueDay);
		keepUnits(id, existing, leads, assists, form.writtenLeads());
		this.audit.success(existing == null ? "CREATE" : "UPDATE", "campaign_task", id,
				(existing == null ? "新增任务 " : "修改任务 ") + form.title().strip(), null, null);
		return id;
	}

	@Transactional
	void remove(long campaignId, long taskId, Actor actor) {
		Campaign c = this.campaigns.editable(campaignId, actor);
		Campaign.Task task = c.tasks()
			.stream()
			.filter(t -> t.id() == taskId)
			.findFirst()
			.orElseThrow(() -> new NotFound("任务"));
		if (task.sweep()) {
			throw new Rejected("扫楼任务随扫楼行动保留，不能删除");
		}
		if (reports(task.units().stream().map(Campaign.Unit::id).toList()) > 0) {
			throw new Rejected("该任务已有进展报送，不能删除");
		}
		this.jdbc.sql("delete from campaign_task where id = :id").param("id", taskId).update();
		this.audit.success("DELETE", "campaign_task", taskId, "删除任务 " + task.title(), null, null);
	}

	private long insert(Campaign c, CampaignForms.TaskForm form, int dueDay) {
		int seq = c.tasks().stream().mapToInt(Campaign.Task::seq).max().orElse(0) + 1;
		return this.jdbc.sql("""
				insert into campaign_task (campaign_id, group_no, group_name, seq, title, body, period, due_day, due_on)
				values (:c, :g, :gn, :s, :t, :b, :p, :dd, :do) returning id
				""")
			.param("c", c.id())
			.param("g", form.groupNo())
			.param("gn", form.groupName().strip())
			.param("s", seq)
			.param("t", form.title().strip())
			.param("b", form.body() == null ? "" : form.body().strip())
			.param("p", form.period().name())
			.param("dd", dueDay)
			.param("do", form.period() == Period.ONCE ? form.dueOn() : null)
			.query(Long.class)
			.single();
	}

	private long update(Campaign.Task t, CampaignForms.TaskForm form, int dueDay) {
		this.jdbc.sql("""
				update campaign_task set group_no = :g, group_name = :gn, title = :t, body = :b, period = :p,
				  due_day = :dd, due_on = :do where id = :id
				""")
			.param("g", form.groupNo())
			.param("gn", form.groupName().strip())
			.param("t", form.title().strip())
			.param("b", form.body() == null ? "" : form.body().strip())
			.param("p", form.period().name())
			.param("dd", dueDay)
			.param("do", form.period() == Period.ONCE ? form.dueOn() : null)
			.param("id", t.id())
			.update();
		return t.id();
	}

	private void keepUnits(long taskId, Campaign.Task existing, List<CampaignUnits.Resolved> leads,
			List<CampaignUnits.Resolved> assists, List<String> writtenLeads) {
		List<Campaign.Unit> before = existing == null ? List.of() : existing.units();
		List<String> wanted = new ArrayList<>();
		leads.forEach(r -> wanted.add("L" + UnitKey.of(r.regionCode(), r.departmentId(), -1)));
		assists.forEach(r -> wanted.add("A" + UnitKey.of(r.regionCode(), r.departmentId(), -1)));
		writtenLeads.forEach(w -> wanted.add("LW:" + w));
		List<String> kept = new ArrayList<>();
		for (Campaign.Unit u : before) {
			String as = (u.lead() ? "L" : "A") + (u.mapped() ? u.key() : "W:" + u.name());
			if (wanted.contains(as)) {
				kept.add(as);
				continue;
			}
			if (reports(List.of(u.id())) > 0) {
				throw new Rejected("单位“" + u.name() + "”已报送该任务进展，不能移除或改变其牵头/配合身份");
			}
			this.jdbc.sql("delete from campaign_task_unit where id = :id").param("id", u.id()).update();
		}
		for (CampaignUnits.Resolved r : leads) {
			if (!kept.contains("L" + UnitKey.of(r.regionCode(), r.departmentId(), -1))) {
				insertUnit(this.jdbc, taskId, true, r);
			}
		}
		for (String w : writtenLeads) {
			if (!kept.contains("LW:" + w)) {
				insertUnit(this.jdbc, taskId, true, new CampaignUnits.Resolved(w, null, null));
			}
		}
		for (CampaignUnits.Resolved r : assists) {
			if (!kept.contains("A" + UnitKey.of(r.regionCode(), r.departmentId(), -1))) {
				insertUnit(this.jdbc, taskId, false, r);
			}
		}
	}

	private List<CampaignUnits.Resolved> resolve(List<String> keys, String county) {
		List<CampaignUnits.Resolved> resolved = new ArrayList<>();
		for (String key : new java.util.LinkedHashSet<>(keys)) {
			resolved.add(this.units.byKey(key, county)
				.orElseThrow(() -> new Rejected("所选单位不存在或已停用", Map.of("leadKeys", "所选单位不存在"))));
		}
		return resolved;
	}

	private long reports(List<Long> unitIds) {
		if (unitIds.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("select count(*) from campaign_report where unit_id = any(:ids)")
			.param("ids", unitIds.toArray(Long[]::new))
			.query(Long.class)
			.single();
	}

	static void insertUnit(JdbcClient jdbc, long taskId, boolean lead, CampaignUnits.Resolved r) {
		jdbc.sql("""
				insert into campaign_task_unit (task_id, lead, written_name, region_code, department_id)
				values (:t, :l, :n, :r, :d)
				""")
			.param("t", taskId)
			.param("l", lead)
			.param("n", r.name())
			.param("r", r.regionCode())
			.param("d", r.departmentId())
			.update();
	}

}
