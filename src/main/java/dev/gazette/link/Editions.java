package dev.gazette.link;

import dev.gazette.config.SiteConfig;
import dev.gazette.model.Article;
import dev.gazette.model.Digest;
import dev.gazette.model.Edition;
import dev.gazette.model.Story;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Publishing calendar: editions (daily or weekly, weeks starting on Monday) and the monthly archive. */
final class Editions {
    private Editions() {
    }

    static LocalDate editionStart(Article article, SiteConfig.Edition kind) {
        LocalDate day = article.date().toLocalDate();
        // The Monday on or before the day (what TemporalAdjusters.previousOrSame(MONDAY) gives, without its lambda per call).
        return kind == SiteConfig.Edition.DAILY ? day : day.minusDays(day.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue());
    }

    /**
     * @param articles newest first
     * @param storyOf  each article's story, by slug, for grouping within an edition
     */
    static List<Edition> editions(List<Article> articles, SiteConfig.Edition kind, Map<String, Story> storyOf) {
        Map<LocalDate, List<Article>> byStart = new TreeMap<>(java.util.Comparator.reverseOrder());
        for (Article a : articles) {
            if (a.hasDate()) {
                byStart.computeIfAbsent(editionStart(a, kind), k -> new ArrayList<>()).add(a);
            }
        }
        List<Edition> out = new ArrayList<>();
        for (Map.Entry<LocalDate, List<Article>> e : byStart.entrySet()) {
            Map<String, List<Article>> groups = new LinkedHashMap<>();
            Map<String, Story> stories = new LinkedHashMap<>();
            for (Article a : e.getValue()) {
                Story story = storyOf.get(a.slug());
                String key = story == null ? "article:" + a.slug() : "story:" + story.slug();
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(a);
                if (story != null) {
                    stories.put(key, story);
                }
            }
            List<Edition.Group> list = new ArrayList<>();
            groups.forEach((key, group) -> list.add(new Edition.Group(stories.get(key), group)));
            LocalDate start = e.getKey();
            LocalDate end = kind == SiteConfig.Edition.DAILY ? start : start.plusDays(6);
            out.add(new Edition(start.toString(), start, end, list));
        }
        return out;
    }

    static List<Digest.Month> months(List<Article> articles) {
        Map<YearMonth, List<Article>> byMonth = new TreeMap<>(java.util.Comparator.reverseOrder());
        for (Article a : articles) {
            if (a.hasDate()) {
                byMonth.computeIfAbsent(YearMonth.of(a.date().getYear(), a.date().getMonthValue()), k -> new ArrayList<>()).add(a);
            }
        }
        List<Digest.Month> out = new ArrayList<>();
        byMonth.forEach((month, list) -> out.add(new Digest.Month(month, list)));
        return out;
    }
}
