package org.fangfei.app.outreach;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.PageOf;
import org.fangfei.app.shared.PageRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON API for outreach, so that a township's own app or a WeChat form can report
 * activities and a reporting system can read training and awareness: the same
 * permissions, scope ({@link OutreachScope}) and checks as the pages. Called with a
 * session (writes carry the CSRF token) or with an API client's bearer token (接入系统),
 * which acts as its account.
 */
@RestController
@RequestMapping("/api/v1/outreach")
@Tag(name = "宣传教育", description = "宣传活动、培训与知晓率调查")
class OutreachApi {

	/** An activity as the API answers it. */
	record ActivityView(long id, Venue venue, String venueLabel, LocalDate heldOn, String regionCode, String regionName,
			String place, String organiser, List<OutreachForm> forms, int peopleReached, boolean elderly,
			boolean lowIncome, int materialsGiven, Long associationId, String associationName, String summary,
			int photos, int version) {

		static ActivityView of(Activities.OutreachActivity a) {
			return new ActivityView(a.id(), a.venue(), a.venue().label(), a.heldOn(), a.regionCode(), a.regionName(),
					a.place(), a.organiser(), a.forms(), a.peopleReached(), a.elderly(), a.lowIncome(),
					a.materialsGiven(), a.associationId(), a.associationName(), a.summary(), a.photos(), a.version());
		}

	}

	/** One line of an awareness table, with its rate in per cent. */
	record RateView(String key, String label, int answers, int aware, int rate) {

		static List<RateView> of(List<Surveys.Rate> rates) {
			return rates.stream().map(r -> new RateView(r.key(), r.label(), r.answers(), r.aware(), r.rate())).toList();
		}

	}

	/**
	 * A survey with its awareness within the caller's jurisdiction (answers and aware are
	 * counted there only).
	 */
	record SurveyView(long id, String title, String regionCode, String regionName, LocalDate opensOn,
			LocalDate closesOn, int passMark, boolean open, int answers, int aware, int rate, List<RateView> townships,
			List<RateView> communities, List<RateView> ageBands) {
	}

	private final Activities activities;

	private final Trainings trainings;

	private final Surveys surveys;

	OutreachApi(Activities activities, Trainings trainings, Surveys surveys) {
		this.activities = activities;
		this.trainings = trainings;
		this.surveys = surveys;
	}

	@GetMapping("/activities")
	@PreAuthorize("hasAuthority('outreach:outreach:view')")
	@Operation(summary = "宣传活动列表(按管辖范围；成员单位为本单位登记的活动)")
	PageOf<ActivityView> activities(@ModelAttribute Activities.ActivityQuery q,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size, Actor actor) {
		PageOf<Activities.OutreachActivity> found = this.activities.search(q, OutreachScope.of(actor),
				PageRequest.of(page, size));
		return new PageOf<>(found.items().stream().map(ActivityView::of).toList(), found.page(), found.size(),
				found.total());
	}

	@GetMapping("/activities/{id}")
	@PreAuthorize("hasAuthority('outreach:outreach:view')")
	@Operation(summary = "宣传活动详情")
	ActivityView activity(@PathVariable long id, Actor actor) {
		return ActivityView.of(this.activities.get(id, OutreachScope.of(actor)));
	}

	@PostMapping(path = "/activities", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('outreach:outreach:edit')")
	@Operation(summary = "报送宣传活动(不含照片)",
			description = "与页面相同的校验和管辖范围：日期不晚于今天，区划在调用者管辖范围内，资料、志愿者、协会须在范围内；400 时 errors 按字段给出中文提示")
	ActivityView report(@RequestBody Activities.ActivityForm form, Actor actor) {
		long id = this.activities.create(form, List.of(), actor);
		return ActivityView.of(this.activities.get(id, OutreachScope.of(actor)));
	}

	@GetMapping("/trainings")
	@PreAuthorize("hasAuthority('outreach:training:view')")
	@Operation(summary = "培训列表(按管辖范围；成员单位为本单位登记的培训)")
	PageOf<Trainings.TrainingSession> trainings(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) String text, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size, Actor actor) {
		return this.trainings.search(year, text, OutreachScope.of(actor), PageRequest.of(page, size));
	}

	@GetMapping("/surveys")
	@PreAuthorize("hasAuthority('outreach:outreach:view')")
	@Operation(summary = "知晓率调查及知晓率(按乡镇、村社区、年龄段；仅统计调用者管辖范围内的答卷)")
	List<SurveyView> surveys(Actor actor) {
		return this.surveys.list(actor.scope()).stream().map(s -> view(s, actor)).toList();
	}

	@GetMapping("/surveys/{id}")
	@PreAuthorize("hasAuthority('outreach:outreach:view')")
	@Operation(summary = "一项调查的知晓率")
	SurveyView survey(@PathVariable long id, Actor actor) {
		return view(this.surveys.get(id, actor.scope()), actor);
	}

	private SurveyView view(Surveys.AwarenessSurvey s, Actor actor) {
		List<Surveys.Rate> bands = this.surveys.byAgeBand(s, actor.scope());
		int answers = bands.stream().mapToInt(Surveys.Rate::answers).sum();
		int aware = bands.stream().mapToInt(Surveys.Rate::aware).sum();
		return new SurveyView(s.id(), s.title(), s.regionCode(), s.regionName(), s.opensOn(), s.closesOn(),
				s.passMark(), s.open(), answers, aware, Surveys.Rate.percent(aware, answers),
				RateView.of(this.surveys.byTownship(s, actor.scope())),
				RateView.of(this.surveys.byCommunity(s, actor.scope())), RateView.of(bands));
	}

}
