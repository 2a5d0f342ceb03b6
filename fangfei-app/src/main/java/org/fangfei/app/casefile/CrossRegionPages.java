package org.fangfei.app.casefile;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Exports;
import org.fangfei.app.shared.PageMoves;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.Uploads;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 三统两分 on the case page and the cross-province register (跨省案件登记) with its filters and
 * Excel export.
 */
@Controller
class CrossRegionPages {

	private final CaseDuties duties;

	private final CrossProvinceRegister register;

	CrossRegionPages(CaseDuties duties, CrossProvinceRegister register) {
		this.duties = duties;
		this.register = register;
	}

	@GetMapping("/cases/cross-province")
	@PreAuthorize("hasAuthority('casefile:case:view')")
	String list(@ModelAttribute("q") CrossProvinceRegister.Query q, @RequestParam(defaultValue = "1") int page,
			Actor actor, Model model) {
		model.addAttribute("result", this.register.search(q, actor.scope(), PageRequest.of(page)));
		model.addAttribute("roles", CrossProvinceRegister.Role.values());
		model.addAttribute("stages", CaseStage.values());
		model.addAttribute("provinces", this.register.provinces());
		return "cases/cross-province";
	}

	@GetMapping("/cases/cross-province/export")
	@PreAuthorize("hasAuthority('casefile:case:view')")
	ResponseEntity<byte[]> export(@ModelAttribute("q") CrossProvinceRegister.Query q, Actor actor) {
		return Uploads.xlsx(Exports.filename("跨省非法集资案件登记"), this.register.export(q, actor.scope()));
	}

	@PostMapping("/cases/{id}/duties")
	@PreAuthorize("hasAuthority('casefile:case:edit')")
	String assign(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) Duty duty,
			@RequestParam(required = false) String regionCode, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String note, Actor actor, RedirectAttributes redirect) {
		return PageMoves.make("/cases/" + id + "#cross-region", redirect, "已明确职责",
				() -> this.duties.assign(id, version, duty, regionCode, unit, note, actor));
	}

	@PostMapping("/cases/{id}/cross-province")
	@PreAuthorize("hasAuthority('casefile:case:edit')")
	String record(@PathVariable long id, @RequestParam int version, @ModelAttribute CrossProvinceRegister.Entry entry,
			Actor actor, RedirectAttributes redirect) {
		return PageMoves.make("/cases/" + id + "#cross-region", redirect, "已保存跨省案件登记",
				() -> this.register.record(id, version, entry, actor));
	}

}
