package org.fangfei.app.warning;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.FormErrors;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The warning pages: the index list with the back-test, a subject's index with its
 * contributions, the warnings and their response, the settings, and the public risk
 * notices.
 */
@Controller
class WarningPages {

	private final IndexQueries indices;

	private final Warnings warnings;

	private final BackTest backTest;

	private final WarningSettings settings;

	private final WarningJobs jobs;

	private final RiskNotices notices;

	WarningPages(IndexQueries indices, Warnings warnings, BackTest backTest, WarningSettings settings, WarningJobs jobs,
			RiskNotices notices) {
		this.indices = indices;
		this.warnings = warnings;
		this.backTest = backTest;
		this.settings = settings;
		this.jobs = jobs;
		this.notices = notices;
	}

	@GetMapping("/warnings")
	@PreAuthorize("hasAuthority('warning:index:view')")
	String index(@RequestParam(required = false) String tier, @RequestParam(required = false) String town,
			@RequestParam(defaultValue = "1") int page, Actor actor, Model model) {
		Tier t = parseTier(tier);
		model.addAttribute("tier", t);
		model.addAttribute("town", town);
		model.addAttribute("tiers", Tier.values());
		model.addAttribute("result", this.indices.search(actor.scope(), t, town, PageRequest.of(page)));
		model.addAttribute("summary", this.backTest.summary(actor.scope().regionLike()));
		model.addAttribute("backtest", this.backTest.rows(actor.scope().regionLike(), 50));
		model.addAttribute("open", this.warnings.list(actor.scope(), "OPEN", null, 200).size());
		return "warning/index";
	}

	@GetMapping("/warnings/subjects/{id}")
	@PreAuthorize("hasAuthority('warning:index:view')")
	String subject(@PathVariable long id, Actor actor, Model model) {
		model.addAttribute("index", this.indices.get(id, actor.scope()));
		model.addAttribute("contributions", this.indices.contributions(id));
		model.addAttribute("history", this.indices.history(id));
		model.addAttribute("warnings", this.warnings.list(actor.scope(), null, id, 50));
		model.addAttribute("notices", this.notices.ofSubject(id));
		model.addAttribute("errors", Map.of());
		return "warning/subject";
	}

	@PostMapping("/warnings/subjects/{id}/notices")
	@PreAuthorize("hasAuthority('warning:notice:publish')")
	String publish(@PathVariable long id, @RequestParam(required = false) String title,
			@RequestParam(required = false) String body, Actor actor, Model model, RedirectAttributes redirect) {
		try {
			this.notices.publish(id, title, body, actor);
			redirect.addFlashAttribute("done", "风险提示已发布到门户");
			return "redirect:/warnings/subjects/" + id;
		}
		catch (Rejected ex) {
			subject(id, actor, model);
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("errors", FormErrors.of(ex));
			model.addAttribute("noticeTitle", title);
			model.addAttribute("noticeBody", body);
			return "warning/subject";
		}
	}

	@PostMapping("/warnings/notices/{id}/withdraw")
	@PreAuthorize("hasAuthority('warning:notice:publish')")
	String withdraw(@PathVariable long id, Actor actor, RedirectAttributes redirect) {
		RiskNotices.Notice n = this.notices.find(id).orElseThrow(() -> new NotFound("风险提示"));
		this.notices.withdraw(id, actor);
		redirect.addFlashAttribute("done", "风险提示已撤回");
		return "redirect:/warnings/subjects/" + n.subjectId();
	}

	@GetMapping("/warnings/list")
	@PreAuthorize("hasAuthority('warning:index:view')")
	String list(@RequestParam(required = false) String status, Actor actor, Model model) {
		model.addAttribute("status", status);
		model.addAttribute("items", this.warnings.list(actor.scope(), status, null, 200));
		model.addAttribute("today", Times.today());
		return "warning/list";
	}

	@GetMapping("/warnings/{id}")
	@PreAuthorize("hasAuthority('warning:index:view')")
	String show(@PathVariable long id, Actor actor, Model model) {
		model.addAttribute("w", this.warnings.get(id, actor.scope()));
		model.addAttribute("today", Times.today());
		model.addAttribute("tiers", Tier.values());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "warning/show";
	}

	@PostMapping("/warnings/{id}/answer")
	@PreAuthorize("hasAuthority('warning:warning:answer')")
	String answer(@PathVariable long id, @RequestParam(required = false) String checked,
			@RequestParam(required = false) String done, @RequestParam(required = false) String proposedTier,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate visitedOn,
			@RequestParam(required = false) String visitNote, Actor actor, Model model, RedirectAttributes redirect) {
		WarningResponse r = new WarningResponse(checked, done, proposedTier, visitedOn, visitNote);
		try {
			this.warnings.answer(id, r, actor);
			redirect.addFlashAttribute("done", "已反馈");
			return "redirect:/warnings/" + id;
		}
		catch (Rejected ex) {
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("errors", FormErrors.of(ex));
			model.addAttribute("r", r);
			return show(id, actor, model);
		}
	}

	@GetMapping("/warnings/settings")
	@PreAuthorize("hasAuthority('warning:setting:edit')")
	String settings(Model model) {
		model.addAttribute("settings", this.settings.all());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		if (!model.containsAttribute("posted")) {
			model.addAttribute("posted", Map.of());
		}
		return "warning/settings";
	}

	@PostMapping("/warnings/settings")
	@PreAuthorize("hasAuthority('warning:setting:edit')")
	String saveSettings(@RequestParam Map<String, String> values, Actor actor, Model model,
			RedirectAttributes redirect) {
		try {
			boolean changed = this.settings.update(values, actor.username());
			int raised = changed ? this.jobs.run(Times.now(), Times.today()) : 0;
			redirect.addFlashAttribute("done", changed ? "已保存，指数已重新计算，新发预警 " + raised + " 条" : "没有修改");
			return "redirect:/warnings/settings";
		}
		catch (Rejected ex) {
			model.addAttribute("errors", FormErrors.of(ex));
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("posted", values);
			return settings(model);
		}
	}

	@PostMapping("/warnings/recompute")
	@PreAuthorize("hasAuthority('warning:setting:edit')")
	String recompute(RedirectAttributes redirect) {
		int raised = this.jobs.run(Times.now(), Times.today());
		redirect.addFlashAttribute("done", "已重新计算指数和回测，新发预警 " + raised + " 条");
		return "redirect:/warnings";
	}

	@GetMapping("/risk-notices")
	String publicNotices(Model model) {
		model.addAttribute("notices", this.notices.published());
		return "warning/notices";
	}

	@GetMapping("/risk-notices/{id}")
	String publicNotice(@PathVariable long id, Model model) {
		RiskNotices.Notice n = this.notices.find(id)
			.filter(x -> !x.withdrawn())
			.orElseThrow(() -> new NotFound("风险提示"));
		model.addAttribute("notice", n);
		return "warning/notice";
	}

	private static Tier parseTier(String tier) {
		if (tier == null || tier.isBlank()) {
			return null;
		}
		try {
			return Tier.valueOf(tier);
		}
		catch (IllegalArgumentException ex) {
			throw new Rejected("未知的风险等级：" + tier);
		}
	}

	static List<Tier> tiers() {
		return List.of(Tier.values());
	}

}
