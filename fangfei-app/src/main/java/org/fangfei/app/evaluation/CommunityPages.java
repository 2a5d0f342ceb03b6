package org.fangfei.app.evaluation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.fangfei.app.organisation.Region;
import org.fangfei.app.organisation.RegionLevel;
import org.fangfei.app.organisation.Regions;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.PageMoves;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 无非法集资社区(村)创建: the year's drive — its phases, each township's nominated communities (a
 * township with none is flagged) — and one community's checklist, evidence, timeline and
 * the moves the caller may make.
 */
@Controller
class CommunityPages {

	private final Communities communities;

	private final Regions regions;

	CommunityPages(Communities communities, Regions regions) {
		this.communities = communities;
		this.regions = regions;
	}

	/** A township with its nominated communities. */
	record TownshipRow(Region township, List<Communities.Community> communities) {
	}

	@GetMapping("/evaluation/communities")
	@PreAuthorize("hasAuthority('evaluation:score:view')")
	String drive(@RequestParam(required = false) String year, Actor actor, Model model) {
		int y = Years.parse(year);
		Map<String, List<Communities.Community>> byTownship = this.communities.of(y, actor.scope())
			.stream()
			.collect(Collectors.groupingBy(Communities.Community::townshipCode));
		List<TownshipRow> rows = this.regions.search(null, RegionLevel.TOWNSHIP, actor.scope())
			.stream()
			.filter(Region::enabled)
			.map(t -> new TownshipRow(t, byTownship.getOrDefault(t.code(), List.of())))
			.toList();
		model.addAttribute("year", y);
		model.addAttribute("rows", rows);
		model.addAttribute("phases", Drive.phases(y));
		model.addAttribute("today", Times.today());
		model.addAttribute("villages",
				this.regions.search(null, RegionLevel.VILLAGE, actor.scope())
					.stream()
					.filter(Region::enabled)
					.toList());
		return "evaluation/communities";
	}

	@PostMapping("/evaluation/communities")
	@PreAuthorize("hasAuthority('evaluation:community:assess')")
	String nominate(@RequestParam(required = false) String year, @RequestParam(required = false) String regionCode,
			Actor actor, RedirectAttributes redirect) {
		int y = Years.parse(year);
		try {
			Communities.Community c = this.communities.nominate(y, regionCode, actor);
			redirect.addFlashAttribute("done", "已推荐" + c.regionName() + "，请逐项补充佐证后自评上报");
			return "redirect:/evaluation/communities/" + c.id();
		}
		catch (Rejected ex) {
			redirect.addFlashAttribute("actionError", ex.getMessage());
			return "redirect:/evaluation/communities?year=" + y;
		}
	}

	@GetMapping("/evaluation/communities/{id}")
	@PreAuthorize("hasAuthority('evaluation:score:view')")
	String community(@PathVariable long id, Actor actor, Model model) {
		Communities.Community c = this.communities.get(id, actor.scope());
		model.addAttribute("community", c);
		model.addAttribute("items", this.communities.checklist(c));
		model.addAttribute("timeline", this.communities.timeline(id, actor.scope()));
		model.addAttribute("standards", Standard.values());
		return "evaluation/community";
	}

	@PostMapping("/evaluation/communities/{id}/evidence")
	@PreAuthorize("hasAuthority('evaluation:community:assess')")
	String evidence(@PathVariable long id, @RequestParam(required = false) String item,
			@RequestParam(required = false) String note, @RequestParam(required = false) MultipartFile photo,
			Actor actor, RedirectAttributes redirect) {
		return PageMoves.make("/evaluation/communities/" + id, redirect, "已补充佐证",
				() -> this.communities.addEvidence(id, item, note, photo, actor));
	}

	@PostMapping("/evaluation/communities/{id}/submit")
	@PreAuthorize("hasAuthority('evaluation:community:assess')")
	String submit(@PathVariable long id, Actor actor, RedirectAttributes redirect) {
		return PageMoves.make("/evaluation/communities/" + id, redirect, "自评已上报县处非办",
				() -> this.communities.submit(id, actor));
	}

	@PostMapping("/evaluation/communities/{id}/return")
	@PreAuthorize("hasAuthority('evaluation:community:review')")
	String returnIt(@PathVariable long id, @RequestParam(required = false) String reason, Actor actor,
			RedirectAttributes redirect) {
		return PageMoves.make("/evaluation/communities/" + id, redirect, "已退回乡镇",
				() -> this.communities.returnIt(id, reason, actor));
	}

	@PostMapping("/evaluation/communities/{id}/certify")
	@PreAuthorize("hasAuthority('evaluation:community:review')")
	String certify(@PathVariable long id, Actor actor, RedirectAttributes redirect) {
		return PageMoves.make("/evaluation/communities/" + id, redirect, "已认定为无非法集资社区(村)",
				() -> this.communities.certify(id, actor));
	}

	@GetMapping("/evaluation/communities/{id}/photos/{evidence}")
	@PreAuthorize("hasAuthority('evaluation:score:view')")
	ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long evidence, Actor actor) {
		Map.Entry<String, byte[]> p = this.communities.photo(id, evidence, actor.scope());
		return ResponseEntity.ok()
			.header("Content-Type", p.getKey())
			.header("X-Content-Type-Options", "nosniff")
			.body(p.getValue());
	}

	static boolean current(Drive.Phase phase, LocalDate today) {
		return phase.covers(today);
	}

}
