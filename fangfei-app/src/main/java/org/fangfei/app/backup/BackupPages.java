package org.fangfei.app.backup;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The system administrator's backup page: the last backup's time and size (flagged when
 * older than the configured age), the backups kept, the folder and schedule, and "back up
 * now".
 */
@Controller
class BackupPages {

	private final Backups backups;

	private final String cron;

	private final int maxAgeHours;

	BackupPages(Backups backups, @Value("${fangfei.backup.cron:0 30 2 * * *}") String cron,
			@Value("${fangfei.backup.max-age-hours:36}") int maxAgeHours) {
		this.backups = backups;
		this.cron = cron;
		this.maxAgeHours = maxAgeHours;
	}

	@GetMapping("/system/backups")
	@PreAuthorize("hasAuthority('system:backup:view')")
	String page(Model model) {
		List<Backups.BackupFile> files = this.backups.list();
		Backups.BackupFile last = files.isEmpty() ? null : files.get(0);
		model.addAttribute("files", files);
		model.addAttribute("last", last);
		model.addAttribute("overdue", last == null || Duration.between(last.createdAt(), OffsetDateTime.now())
			.compareTo(Duration.ofHours(this.maxAgeHours)) > 0);
		model.addAttribute("maxAgeHours", this.maxAgeHours);
		model.addAttribute("folder", this.backups.folder().toString());
		model.addAttribute("keep", this.backups.keep());
		model.addAttribute("schedule", schedule(this.cron));
		return "backups/list";
	}

	@PostMapping("/system/backups")
	@PreAuthorize("hasAuthority('system:backup:run')")
	String run(RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("message",
					this.backups.run().map(b -> "已完成备份 " + b.name()).orElse("另一份备份正在进行，请稍后刷新查看"));
		}
		catch (IllegalStateException ex) {
			redirect.addFlashAttribute("failure", "备份失败，请查看服务日志。已记入审计日志。");
		}
		return "redirect:/system/backups";
	}

	/** "0 30 2 * * *" reads 每天 02:30; any other expression is shown as written. */
	static String schedule(String cron) {
		if ("-".equals(cron)) {
			return "未开启定时备份";
		}
		String[] f = cron.trim().split("\\s+");
		if (f.length == 6 && f[0].matches("\\d+") && f[1].matches("\\d+") && f[2].matches("\\d+") && f[3].equals("*")
				&& f[4].equals("*") && f[5].equals("*")) {
			return String.format("每天 %02d:%02d", Integer.parseInt(f[2]), Integer.parseInt(f[1]));
		}
		return "按计划 " + cron;
	}

}
