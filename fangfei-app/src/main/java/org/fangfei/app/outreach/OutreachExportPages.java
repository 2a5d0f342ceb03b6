package org.fangfei.app.outreach;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Exports;
import org.fangfei.app.shared.TabularFile;
import org.fangfei.app.shared.Times;
import org.fangfei.app.shared.Uploads;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The outreach lists as .xlsx files: each list's own search with its filters and scope
 * ({@link Exports#all}), Chinese headers and labels, audited with the row count.
 */
@Controller
class OutreachExportPages {

	static final List<String> ACTIVITY_HEADER = List.of("活动日期", "宣传场所(七进)", "所在区划", "地点", "组织单位", "宣传形式", "覆盖人数",
			"重点人群", "发放资料(份)", "行业协会", "照片数", "活动情况");

	static final List<String> TRAINING_HEADER = List.of("培训日期", "培训主题", "所在区划", "授课人", "学时", "参训人数", "培训资料");

	static final List<String> COVERAGE_HEADER = List.of("姓名", "人员类别", "所在区划", "所属网格", "本年培训次数", "本年学时", "累计培训次数");

	static final List<String> VOLUNTEER_HEADER = List.of("姓名", "所在区划", "所在单位", "特长", "加入日期", "参加活动", "覆盖人数");

	private final Activities activities;

	private final Trainings trainings;

	private final SocialForces social;

	private final AuditLog audit;

	OutreachExportPages(Activities activities, Trainings trainings, SocialForces social, AuditLog audit) {
		this.activities = activities;
		this.trainings = trainings;
		this.social = social;
		this.audit = audit;
	}

	@Transactional
	@GetMapping("/outreach/export")
	@PreAuthorize("hasAuthority('outreach:outreach:export')")
	ResponseEntity<byte[]> activities(@ModelAttribute Activities.ActivityQuery q, Actor actor) {
		List<Activities.OutreachActivity> found = Exports
			.all(page -> this.activities.search(q, OutreachScope.of(actor), page), "宣传活动");
		List<List<String>> rows = new ArrayList<>(found.size());
		for (Activities.OutreachActivity a : found) {
			rows.add(Arrays.asList(a.heldOn().toString(), a.venue().label(),
					a.regionName() == null ? a.regionCode() : a.regionName(), a.place(), a.organiser(), a.formLabels(),
					Integer.toString(a.peopleReached()), a.targets().strip(), Integer.toString(a.materialsGiven()),
					Exports.text(a.associationName()), Integer.toString(a.photos()), Exports.text(a.summary())));
		}
		this.audit.success("EXPORT", "outreach_activity", null, "导出宣传活动 " + found.size() + " 行", null, q.toString());
		return Uploads.xlsx(Exports.filename("宣传活动台账"), TabularFile.writeXlsx("宣传活动台账", ACTIVITY_HEADER, rows));
	}

	@Transactional
	@GetMapping("/outreach/trainings/export")
	@PreAuthorize("hasAuthority('outreach:outreach:export')")
	ResponseEntity<byte[]> trainings(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) String text, Actor actor) {
		List<Trainings.TrainingSession> found = Exports
			.all(page -> this.trainings.search(year, text, OutreachScope.of(actor), page), "培训");
		List<List<String>> rows = new ArrayList<>(found.size());
		for (Trainings.TrainingSession s : found) {
			rows.add(Arrays.asList(s.heldOn().toString(), s.topic(),
					s.regionName() == null ? s.regionCode() : s.regionName(), s.trainer(), s.hours().toPlainString(),
					Integer.toString(s.attendees()), Exports.text(s.materials())));
		}
		this.audit.success("EXPORT", "training_session", null, "导出培训台账 " + found.size() + " 行", null,
				"year=" + year + ", text=" + text);
		return Uploads.xlsx(Exports.filename("培训台账"), TabularFile.writeXlsx("培训台账", TRAINING_HEADER, rows));
	}

	@Transactional
	@GetMapping("/outreach/trainings/coverage/export")
	@PreAuthorize("hasAuthority('outreach:outreach:export')")
	ResponseEntity<byte[]> coverage(@RequestParam(required = false) Integer year,
			@RequestParam(defaultValue = "false") boolean never, Actor actor) {
		int y = year == null || year < 2000 || year > 2099 ? Times.today().getYear() : year;
		List<List<String>> rows = new ArrayList<>();
		for (Trainings.Trained t : this.trainings.gridWorkers(y, actor.scope())) {
			if (never && t.sessionsEver() > 0) {
				continue;
			}
			rows.add(Arrays.asList(t.person().name(), t.person().role().label(),
					t.person().regionName() == null ? t.person().regionCode() : t.person().regionName(),
					Exports.text(t.person().gridName()), Integer.toString(t.sessionsThisYear()),
					t.hoursThisYear().toPlainString(), Integer.toString(t.sessionsEver())));
		}
		String what = never ? "从未参加培训的网格员" : y + "年网格员培训情况";
		this.audit.success("EXPORT", "training_session", null, "导出" + what + " " + rows.size() + " 行", null, null);
		return Uploads.xlsx(Exports.filename(what), TabularFile.writeXlsx("网格员培训", COVERAGE_HEADER, rows));
	}

	@Transactional
	@GetMapping("/outreach/volunteers/export")
	@PreAuthorize("hasAuthority('outreach:outreach:export')")
	ResponseEntity<byte[]> volunteers(@RequestParam(required = false) String text, Actor actor) {
		List<SocialForces.Volunteer> found = Exports.all(page -> this.social.volunteers(text, actor.scope(), page),
				"志愿者");
		List<List<String>> rows = new ArrayList<>(found.size());
		for (SocialForces.Volunteer v : found) {
			rows.add(Arrays.asList(v.name(), v.regionName() == null ? v.regionCode() : v.regionName(),
					Exports.text(v.unit()), Exports.text(v.skills()), v.joinedOn().toString(),
					Integer.toString(v.activities()), Integer.toString(v.reached())));
		}
		this.audit.success("EXPORT", "volunteer", null, "导出志愿者 " + found.size() + " 行", null, "text=" + text);
		return Uploads.xlsx(Exports.filename("志愿者"), TabularFile.writeXlsx("志愿者", VOLUNTEER_HEADER, rows));
	}

}
