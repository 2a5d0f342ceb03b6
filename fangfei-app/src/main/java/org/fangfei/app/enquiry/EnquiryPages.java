package org.fangfei.app.enquiry;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.fangfei.app.casefile.CaseDirectory;
import org.fangfei.app.shared.AccountNames;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Uploads;

import org.springframework.format.annotation.DateTimeFormat;
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
 * The enquiries and freezes: the list, drafting, the office head's decision, the letter
 * to the bank, the bank's answers and the statements read into the matter's tracing.
 */
@Controller
class EnquiryPages {

	static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	/** A field of the mapping form with the column chosen for it (-1 none). */
	public record FieldChoice(String name, String label, int column) {
	}

	private final Enquiries enquiries;

	private final EnquiryAnswers answers;

	private final Statements statements;

	private final TraceMatters matters;

	private final CaseDirectory cases;

	private final AccountNames names;

	EnquiryPages(Enquiries enquiries, EnquiryAnswers answers, Statements statements, TraceMatters matters,
			CaseDirectory cases, AccountNames names) {
		this.enquiries = enquiries;
		this.answers = answers;
		this.statements = statements;
		this.matters = matters;
		this.cases = cases;
		this.names = names;
	}

	@GetMapping("/enquiries")
	@PreAuthorize("hasAuthority('enquiry:enquiry:view')")
	String list(@RequestParam(required = false) String status, Actor actor, Model model) {
		String s = "PENDING".equals(status) || "APPROVED".equals(status) || "REFUSED".equals(status) ? status : null;
		model.addAttribute("enquiries", this.enquiries.list(actor.scope(), s, 200));
		model.addAttribute("status", s);
		return "enquiry/list";
	}

	@GetMapping("/enquiries/new")
	@PreAuthorize("hasAuthority('enquiry:enquiry:draft')")
	String form(@RequestParam(required = false) String matterKind, @RequestParam(required = false) Long matterId,
			Actor actor, Model model) {
		EnquiryForm form = new EnquiryForm("ENQUIRY", matterKind == null ? "CASE" : matterKind, matterId, "", null,
				null, "", "", null, "");
		return form(form, Map.of(), null, actor, model);
	}

	private String form(EnquiryForm form, Map<String, String> errors, String error, Actor actor, Model model) {
		model.addAttribute("f", form);
		model.addAttribute("errors", errors);
		model.addAttribute("error", error);
		model.addAttribute("cases", this.cases.recentOpen(actor.scope(), 100));
		return "enquiry/form";
	}

	@PostMapping("/enquiries")
	@PreAuthorize("hasAuthority('enquiry:enquiry:draft')")
	String draft(@RequestParam(required = false) String kind, @RequestParam(required = false) String matterKind,
			@RequestParam(required = false) Long matterId, @RequestParam(required = false) String bank,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodFrom,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodTo,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String freezeAmount,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate freezeUntil,
			@RequestParam(required = false) String accounts, Actor actor, Model model, RedirectAttributes redirect) {
		EnquiryForm form = new EnquiryForm(kind, matterKind, matterId, bank, periodFrom, periodTo, reason, freezeAmount,
				freezeUntil, accounts);
		try {
			long id = this.enquiries.draft(form, actor);
			redirect.addFlashAttribute("done", "已提交，待处非办负责人审批");
			return "redirect:/enquiries/" + id;
		}
		catch (Rejected ex) {
			return form(form, ex.fieldErrors(), ex.getMessage(), actor, model);
		}
	}

	@GetMapping("/enquiries/{id:\\d+}")
	@PreAuthorize("hasAuthority('enquiry:enquiry:view')")
	String show(@PathVariable long id, Actor actor, Model model) {
		Enquiries.Enquiry e = this.enquiries.get(id, actor.scope());
		model.addAttribute("e", e);
		model.addAttribute("accounts", this.enquiries.accounts(id));
		model.addAttribute("answers", this.answers.of(id));
		model.addAttribute("statements", this.matters.ofEnquiry(id));
		model.addAttribute("canDecide", e.pending() && actor.hasRole(ApprovalNeedsOfficeHead.ROLE)
				&& actor.can(ApprovalNeedsOfficeHead.APPROVE) && !actor.username().equals(e.draftedBy()));
		return "enquiry/show";
	}

	@PostMapping("/enquiries/{id:\\d+}/decision")
	@PreAuthorize("hasAuthority('enquiry:enquiry:approve')")
	String decide(@PathVariable long id, @RequestParam boolean approve, @RequestParam(required = false) String note,
			Actor actor, RedirectAttributes redirect) {
		try {
			this.enquiries.decide(id, approve, note, actor);
			redirect.addFlashAttribute("done", approve ? "已批准，可下载协助通知书送达银行" : "已决定不予批准");
		}
		catch (Rejected ex) {
			redirect.addFlashAttribute("actionError", ex.getMessage());
		}
		return "redirect:/enquiries/" + id;
	}

	@GetMapping("/enquiries/{id:\\d+}/letter")
	@PreAuthorize("hasAuthority('enquiry:enquiry:draft')")
	ResponseEntity<byte[]> letter(@PathVariable long id, Actor actor) {
		Enquiries.Enquiry e = this.enquiries.get(id, actor.scope());
		byte[] doc = this.enquiries.letter(id, this.names.nameOf(e.decidedBy()), actor);
		return Uploads.download((e.freeze() ? "协助冻结财产通知书-" : "协助查询财产通知书-") + id + ".docx", DOCX, doc);
	}

	@PostMapping("/enquiries/{id:\\d+}/answers")
	@PreAuthorize("hasAuthority('enquiry:statement:load')")
	String answer(@PathVariable long id, @RequestParam(required = false) MultipartFile file, Actor actor,
			RedirectAttributes redirect) throws IOException {
		try {
			this.answers.attach(id, file == null ? null : file.getOriginalFilename(),
					file == null ? null : file.getBytes(), actor);
			redirect.addFlashAttribute("done", "已登记银行回执");
		}
		catch (Rejected ex) {
			redirect.addFlashAttribute("actionError", ex.getMessage());
		}
		return "redirect:/enquiries/" + id;
	}

	@GetMapping("/enquiries/{id:\\d+}/answers/{answerId:\\d+}")
	@PreAuthorize("hasAuthority('enquiry:enquiry:view')")
	ResponseEntity<byte[]> answerFile(@PathVariable long id, @PathVariable long answerId, Actor actor) {
		this.enquiries.get(id, actor.scope());
		EnquiryAnswers.Content c = this.answers.content(id, answerId);
		return Uploads.download(c.fileName(), c.contentType(), c.bytes());
	}

	/**
	 * Reads a statement; when its layout is not known yet, answers with the mapping form,
	 * and the user sends the same file again with the columns chosen (the file is never
	 * kept in between).
	 */
	@PostMapping("/enquiries/{id:\\d+}/statements")
	@PreAuthorize("hasAuthority('enquiry:statement:load')")
	String statement(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) String account, @RequestParam(required = false) String mapped,
			@RequestParam Map<String, String> params, Actor actor, Model model, RedirectAttributes redirect) {
		try {
			Statements.Source source = Statements.source(file);
			Map<StatementField, Integer> columns = mapped == null ? null : columns(params);
			Statements.Outcome outcome = this.statements.load(id, file.getOriginalFilename(), source, account,
					columns == null ? null : (width) -> StatementMapping.chosen(columns, width), actor);
			if (outcome instanceof Statements.NeedsMapping needs) {
				model.addAttribute("e", this.enquiries.get(id, actor.scope()));
				model.addAttribute("needs", needs);
				model.addAttribute("fields", choices(needs.guess()));
				model.addAttribute("account", account);
				return "enquiry/mapping";
			}
			Statements.Loaded loaded = (Statements.Loaded) outcome;
			redirect.addFlashAttribute("done",
					"已导入 " + loaded.account() + " 的对账单：交易 " + loaded.loaded() + " 笔，" + "与已导入对方账户对账单重复的 "
							+ loaded.duplicates() + " 笔未重复计入，跳过合计/页脚行 " + loaded.summaries() + " 行"
							+ "；资金异常监测正在后台分析，稍后刷新资金穿透图查看预警");
		}
		catch (Rejected ex) {
			redirect.addFlashAttribute("actionError", ex.getMessage());
		}
		return "redirect:/enquiries/" + id;
	}

	private static Map<StatementField, Integer> columns(Map<String, String> params) {
		Map<StatementField, Integer> chosen = new EnumMap<>(StatementField.class);
		for (StatementField f : StatementField.values()) {
			String v = params.get("col_" + f.name());
			if (v != null && !v.isBlank()) {
				try {
					chosen.put(f, Integer.valueOf(v.strip()));
				}
				catch (NumberFormatException ex) {
					throw new Rejected("列的选择无效");
				}
			}
		}
		return chosen;
	}

	private static List<FieldChoice> choices(StatementMapping guess) {
		List<FieldChoice> out = new ArrayList<>();
		for (StatementField f : StatementField.values()) {
			out.add(new FieldChoice(f.name(), f.label(), guess.column(f).orElse(-1)));
		}
		return out;
	}

}
