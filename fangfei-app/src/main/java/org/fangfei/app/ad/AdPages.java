package org.fangfei.app.ad;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Exports;
import org.fangfei.app.shared.FormErrors;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.TabularFile;
import org.fangfei.app.shared.Uploads;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 广告资讯排查 pages: the hits (repeated posts grouped) with the paste and upload forms, one
 * hit with its explanation, subject and clue, the Excel export, and the dictionary.
 */
@Controller
class AdPages {

	private final AdScreening screening;

	private final AdPosts posts;

	private final AdLinks links;

	private final AdClues clues;

	private final AdDictionary dictionary;

	private final AuditLog audit;

	AdPages(AdScreening screening, AdPosts posts, AdLinks links, AdClues clues, AdDictionary dictionary,
			AuditLog audit) {
		this.screening = screening;
		this.posts = posts;
		this.links = links;
		this.clues = clues;
		this.dictionary = dictionary;
		this.audit = audit;
	}

	@GetMapping("/ads")
	@PreAuthorize("hasAuthority('ad:ad:view')")
	String list(@RequestParam(defaultValue = "false") boolean all, @RequestParam(required = false) Long batch,
			@RequestParam(required = false) Integer minScore, @RequestParam(required = false) String text,
			@RequestParam(defaultValue = "1") int page, Actor actor, Model model) {
		AdPosts.Query q = new AdPosts.Query(all, batch, minScore, text);
		model.addAttribute("q", q);
		model.addAttribute("result", this.posts.search(q, actor.scope(), PageRequest.of(page)));
		model.addAttribute("errors", model.containsAttribute("errors") ? model.getAttribute("errors") : Map.of());
		return "ad/list";
	}

	@PostMapping("/ads/paste")
	@PreAuthorize("hasAuthority('ad:ad:screen')")
	String paste(@RequestParam(defaultValue = "") String text, Actor actor, RedirectAttributes redirect) {
		return screened(() -> this.screening.screen(AdUploads.blocks(text), "PASTE", null, actor), redirect);
	}

	@PostMapping("/ads/upload")
	@PreAuthorize("hasAuthority('ad:ad:screen')")
	String upload(@RequestParam(required = false) MultipartFile file, Actor actor, RedirectAttributes redirect) {
		return screened(() -> {
			if (file == null || file.isEmpty()) {
				throw new Rejected("请选择要上传的文件");
			}
			try {
				return this.screening.screen(AdUploads.read(file.getOriginalFilename(), file.getBytes()), "UPLOAD",
						AdScreening.abbreviate(String.valueOf(file.getOriginalFilename()), 200), actor);
			}
			catch (IOException ex) {
				throw new Rejected("无法读取上传的文件");
			}
		}, redirect);
	}

	private String screened(java.util.function.Supplier<AdScreening.Screened> run, RedirectAttributes redirect) {
		try {
			AdScreening.Screened s = run.get();
			redirect.addFlashAttribute("done",
					"已排查 " + s.texts() + " 条，命中 " + s.hits() + " 条，关联主体 " + s.linked() + " 条");
			return "redirect:/ads?batch=" + s.batchId() + "&all=true";
		}
		catch (Rejected ex) {
			redirect.addFlashAttribute("actionError", ex.getMessage());
			return "redirect:/ads";
		}
	}

	@GetMapping("/ads/{id}")
	@PreAuthorize("hasAuthority('ad:ad:view')")
	String show(@PathVariable long id, Actor actor, Model model) {
		model.addAttribute("post", this.posts.get(id, actor.scope()));
		model.addAttribute("repeats", this.posts.repeatsOf(id, actor.scope()));
		return "ad/post";
	}

	@PostMapping("/ads/{id}/link")
	@PreAuthorize("hasAuthority('ad:ad:clue')")
	String link(@PathVariable long id, @RequestParam(required = false) Long subjectId, Actor actor,
			RedirectAttributes redirect) {
		try {
			if (subjectId == null) {
				throw new Rejected("请选择要关联的主体");
			}
			this.links.link(id, subjectId, actor);
			redirect.addFlashAttribute("done", "已关联主体");
		}
		catch (Rejected ex) {
			redirect.addFlashAttribute("actionError", ex.getMessage());
		}
		return "redirect:/ads/" + id;
	}

	@PostMapping("/ads/{id}/clue")
	@PreAuthorize("hasAuthority('ad:ad:clue')")
	String clue(@PathVariable long id, Actor actor, RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("done", "已转为线索 " + this.clues.toClue(id, actor));
		}
		catch (Rejected ex) {
			redirect.addFlashAttribute("actionError", ex.getMessage());
		}
		return "redirect:/ads/" + id;
	}

	@Transactional
	@GetMapping("/ads/export")
	@PreAuthorize("hasAuthority('ad:ad:export')")
	ResponseEntity<byte[]> export(@RequestParam(defaultValue = "false") boolean all,
			@RequestParam(required = false) Long batch, @RequestParam(required = false) Integer minScore,
			@RequestParam(required = false) String text, Actor actor) {
		AdPosts.Query q = new AdPosts.Query(all, batch, minScore, text);
		List<AdPost> rows = Exports.all((p) -> this.posts.search(q, actor.scope(), p), "广告资讯");
		byte[] xlsx = TabularFile.writeXlsx("广告资讯排查",
				List.of("编号", "评分", "是否命中", "标题", "正文摘要", "链接", "发布时间", "同内容次数", "关联主体", "线索编号", "排查说明"),
				rows.stream()
					.map((r) -> List.of(String.valueOf(r.id()), String.valueOf(r.score()), Exports.yesNo(r.flagged()),
							Exports.text(r.title()), r.excerpt(), Exports.text(r.url()), Exports.time(r.shownAt()),
							String.valueOf(r.repeats()), Exports.text(r.subjectName()), Exports.text(r.clueCode()),
							r.explanation()))
					.toList());
		this.audit.success("EXPORT", "ad_post", null, "导出广告资讯排查结果 " + rows.size() + " 条", null, null);
		return Uploads.xlsx(Exports.filename("广告资讯排查"), xlsx);
	}

	@GetMapping("/ads/dictionary")
	@PreAuthorize("hasAuthority('ad:dictionary:edit')")
	String dictionary(Model model) {
		if (!model.containsAttribute("body")) {
			model.addAttribute("body", this.dictionary.text());
		}
		model.addAttribute("errors", model.containsAttribute("errors") ? model.getAttribute("errors") : Map.of());
		return "ad/dictionary";
	}

	@PostMapping("/ads/dictionary")
	@PreAuthorize("hasAuthority('ad:dictionary:edit')")
	String saveDictionary(@RequestParam(defaultValue = "") String body,
			@RequestParam(defaultValue = "false") boolean reset, Actor actor, Model model,
			RedirectAttributes redirect) {
		try {
			if (reset) {
				this.dictionary.reset(actor);
			}
			else {
				this.dictionary.save(body, actor);
			}
			redirect.addFlashAttribute("done", reset ? "已恢复内置词库" : "已保存词库，之后的排查按新词库评分");
			return "redirect:/ads/dictionary";
		}
		catch (Rejected ex) {
			model.addAttribute("body", body);
			model.addAttribute("errors", FormErrors.of(ex));
			model.addAttribute("actionError", ex.getMessage());
			return "ad/dictionary";
		}
	}

}
