package org.fangfei.app.casefile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.FormErrors;
import org.fangfei.app.shared.Money;
import org.fangfei.app.shared.PageMoves;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.TabularFile;
import org.fangfei.app.shared.Uploads;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The forms of the case page: stage moves, particulars, leadership and handling, task
 * force, assets, participants and refunds. Each answers by going back to the case page
 * with what was done or why it was refused.
 */
@Controller
class CaseActionPages {

	private final CaseRegistry registry;

	private final KeyCases keyCases;

	private final CaseAssets assets;

	private final Participants participants;

	private final RefundBatches refunds;

	private final CaseQueries queries;

	private final CasePages pages;

	CaseActionPages(CaseRegistry registry, KeyCases keyCases, CaseAssets assets, Participants participants,
			RefundBatches refunds, CaseQueries queries, CasePages pages) {
		this.registry = registry;
		this.keyCases = keyCases;
		this.assets = assets;
		this.participants = participants;
		this.refunds = refunds;
		this.queries = queries;
		this.pages = pages;
	}

	@PostMapping("/cases/{id}/stage")
	@PreAuthorize("hasAuthority('casefile:case:edit')")
	String stage(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) CaseStage stage,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
			@RequestParam(required = false) String docNumber, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String note, Actor actor, RedirectAttributes redirect) {
		return PageMoves.make("/cases/" + id, redirect, "已变更阶段",
				() -> this.registry.advance(id, version, new StageEntry(stage, on, docNumber, unit, note), actor));
	}

	@GetMapping("/cases/{id}/edit")
	@PreAuthorize("hasAuthority('casefile:case:edit')")
	String edit(@PathVariable long id, Actor actor, Model model) {
		CaseQueries.CaseView v = this.queries.view(id, actor.scope());
		CaseRow r = v.row();
		CaseForm form = new CaseForm(null, r.title(), r.origin(), r.path(), r.stage(), r.stageOn(), "", "",
				r.regionCode(), r.sectorCode(), v.schemeCode(),
				r.amountRaisedFen() == null ? "" : Money.yuan(r.amountRaisedFen()), r.participants(),
				r.directLossFen() == null ? "" : Money.yuan(r.directLossFen()), v.criminalFiledOn(),
				this.queries.subjectIds(id), this.queries.regions(id).stream().map(CaseQueries.Region::code).toList());
		return editForm(model, id, v.version(), form, null);
	}

	@PostMapping("/cases/{id}/edit")
	@PreAuthorize("hasAuthority('casefile:case:edit')")
	String update(@PathVariable long id, @RequestParam int version, @ModelAttribute("form") CaseForm form, Actor actor,
			Model model, RedirectAttributes redirect) {
		try {
			this.registry.update(id, version, form, actor);
			redirect.addFlashAttribute("done", "已保存");
			return "redirect:/cases/" + id;
		}
		catch (Rejected ex) {
			return editForm(model, id, version, form, FormErrors.of(ex));
		}
	}

	private String editForm(Model model, long id, int version, CaseForm form, java.util.Map<String, String> errors) {
		model.addAttribute("caseId", id);
		model.addAttribute("version", version);
		return this.pages.form(model, form, errors);
	}

	@PostMapping("/cases/{id}/lead")
	@PreAuthorize("hasAuthority('casefile:case:supervise')")
	String lead(@PathVariable long id, @RequestParam int version, @ModelAttribute KeyCases.Leadership form, Actor actor,
			RedirectAttributes redirect) {
		return PageMoves.make("/cases/" + id, redirect, "已保存督办与包案", () -> this.keyCases.lead(id, version, form, actor));
	}

	@PostMapping("/cases/{id}/handling")
	@PreAuthorize("hasAuthority('casefile:case:edit')")
	String handling(@PathVariable long id, @RequestParam int version, @ModelAttribute KeyCases.Handling form,
			Actor actor, RedirectAttributes redirect) {
		return PageMoves.make("/cases/" + id, redirect, "已保存办理安排",
				() -> this.keyCases.handle(id, version, form, actor));
	}

	@PostMapping("/cases/{id}/task-force")
	@PreAuthorize("hasAuthority('casefile:case:edit')")
	String addMember(@PathVariable long id, @RequestParam int version, @ModelAttribute KeyCases.Member form,
			Actor actor, RedirectAttributes redirect) {
		return PageMoves.make("/cases/" + id, redirect, "已加入专班",
				() -> this.keyCases.addMember(id, version, form, actor));
	}

	@PostMapping("/cases/{id}/task-force/{member}/remove")
	@PreAuthorize("hasAuthority('casefile:case:edit')")
	String removeMember(@PathVariable long id, @PathVariable long member, @RequestParam int version, Actor actor,
			RedirectAttributes redirect) {
		return PageMoves.make("/cases/" + id, redirect, "已移出专班",
				() -> this.keyCases.removeMember(id, version, member, actor));
	}

	@PostMapping("/cases/{id}/assets")
	@PreAuthorize("hasAuthority('casefile:case:edit')")
	String addAsset(@PathVariable long id, @RequestParam int version, @ModelAttribute CaseAssets.AssetForm form,
			Actor actor, RedirectAttributes redirect) {
		return PageMoves.make("/cases/" + id, redirect, "已登记资产", () -> this.assets.add(id, version, form, actor));
	}

	@PostMapping("/cases/{id}/assets/{asset}")
	@PreAuthorize("hasAuthority('casefile:case:edit')")
	String changeAsset(@PathVariable long id, @PathVariable long asset, @RequestParam int version,
			@ModelAttribute CaseAssets.AssetForm form, Actor actor, RedirectAttributes redirect) {
		return PageMoves.make("/cases/" + id, redirect, "已变更资产",
				() -> this.assets.change(id, version, asset, form, actor));
	}

	@PostMapping("/cases/{id}/participants")
	@PreAuthorize("hasAuthority('casefile:case:edit')")
	String addParticipant(@PathVariable long id, @RequestParam int version,
			@ModelAttribute Participants.ParticipantForm form, Actor actor, RedirectAttributes redirect) {
		return PageMoves.make("/cases/" + id, redirect, "已登记集资参与人",
				() -> this.participants.add(id, version, form, actor));
	}

	@PostMapping("/cases/{id}/participants/import")
	@PreAuthorize("hasAuthority('casefile:case:edit')")
	String importParticipants(@PathVariable long id, @RequestParam int version,
			@RequestParam(value = "file", required = false) MultipartFile file, Actor actor,
			RedirectAttributes redirect) {
		try {
			if (file == null || file.isEmpty()) {
				throw new Rejected("请选择要上传的 Excel(.xlsx) 或 CSV 文件");
			}
			try (InputStream in = file.getInputStream()) {
				int n = this.participants.importFile(id, version, file.getOriginalFilename(), in, actor);
				redirect.addFlashAttribute("done", "已导入集资参与人 " + n + " 人");
			}
		}
		catch (Rejected ex) {
			redirect.addFlashAttribute("actionError", ex.getMessage());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return "redirect:/cases/" + id + "#participants";
	}

	@PostMapping("/cases/{id}/participants/accept-waiting")
	@PreAuthorize("hasAuthority('casefile:case:edit')")
	String acceptWaiting(@PathVariable long id, @RequestParam int version, Actor actor, RedirectAttributes redirect) {
		return PageMoves.make("/cases/" + id, redirect, "已认可待核实的集资参与人",
				() -> this.participants.acceptWaiting(id, version, actor));
	}

	@GetMapping("/cases/participants-template.xlsx")
	@PreAuthorize("hasAuthority('casefile:case:edit')")
	ResponseEntity<byte[]> template() {
		return Uploads.xlsx("集资参与人导入模板.xlsx", TabularFile.writeXlsx("集资参与人", Participants.TEMPLATE,
				List.of(List.of("张三", "11010519491231002X", "13912345678", "100000", "5000"))));
	}

	@PostMapping("/cases/{id}/participants/{participant}/claim")
	@PreAuthorize("hasAuthority('casefile:case:edit')")
	String claim(@PathVariable long id, @PathVariable long participant, @RequestParam int version,
			@RequestParam(required = false) ClaimStatus claim, @RequestParam(required = false) String reason,
			Actor actor, RedirectAttributes redirect) {
		return PageMoves.make("/cases/" + id, redirect, "已核实",
				() -> this.participants.decide(id, version, participant, claim, reason, actor));
	}

	@PostMapping("/cases/{id}/refunds")
	@PreAuthorize("hasAuthority('casefile:refund:manage')")
	String distribute(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String amount,
			@RequestParam(required = false) String note, Actor actor, RedirectAttributes redirect) {
		try {
			long batch = this.refunds.distribute(id, version, amount, note, actor);
			redirect.addFlashAttribute("done", "已生成清退批次");
			return "redirect:/cases/" + id + "/refunds/" + batch;
		}
		catch (Rejected ex) {
			redirect.addFlashAttribute("actionError", ex.getMessage());
			return "redirect:/cases/" + id + "#refunds";
		}
	}

	@GetMapping("/cases/{id}/refunds/{batch}")
	@PreAuthorize("hasAuthority('casefile:case:view')")
	String batch(@PathVariable long id, @PathVariable long batch, Actor actor, Model model) {
		model.addAttribute("c", this.queries.view(id, actor.scope()));
		model.addAttribute("batch", this.refunds.batch(id, batch));
		model.addAttribute("payments", this.refunds.payments(batch, 500));
		model.addAttribute("today", LocalDate.now());
		return "cases/batch";
	}

	@PostMapping("/cases/{id}/refunds/{batch}/paid")
	@PreAuthorize("hasAuthority('casefile:refund:manage')")
	String paid(@PathVariable long id, @PathVariable long batch, @RequestParam int version,
			@RequestParam(required = false) Long participantId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate paidOn,
			@RequestParam(required = false) String paidRef, Actor actor, RedirectAttributes redirect) {
		try {
			int n = this.refunds.recordPayment(id, version, batch, participantId, paidOn, paidRef, actor);
			redirect.addFlashAttribute("done", "已记录付款 " + n + " 笔");
		}
		catch (Rejected ex) {
			redirect.addFlashAttribute("actionError", ex.getMessage());
		}
		return "redirect:/cases/" + id + "/refunds/" + batch;
	}

	@GetMapping("/cases/{id}/refunds/{batch}/bank.xlsx")
	@PreAuthorize("hasAuthority('casefile:refund:manage')")
	ResponseEntity<byte[]> bank(@PathVariable long id, @PathVariable long batch, Actor actor) {
		return Uploads.xlsx("清退名单-" + batch + ".xlsx", this.refunds.bankList(id, batch, actor));
	}

}
