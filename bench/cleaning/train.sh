#!/usr/bin/env bash
# Fits the cleaner's line model and measures it cross-validated by site.
#   bench/cleaning/train.sh fit   [CASES_DIR...]  writes model-v1.json, opener-v1.json, title-v1.json, title-pair-v1.json, byline-v1.json, date-v1.json and
#     html-header-v1.json (the saved page's title, byline and date models, fitted on every case's source.html) in src/main/resources/dev/gazette/clean
#     (the shipped models: bench/cleaning/train.sh fit ../shared/cleaning-dev /work/data/cases3 /work/data/postlight)
#   bench/cleaning/train.sh cv K  [CASES_DIR...]  prints the cross-validated table per source and dumper
#     (GAZETTE_CV_BYLINES=FILE, GAZETTE_CV_TITLES=FILE, GAZETTE_CV_CASES=FILE: one row per held-out byline, title, case;
#      GAZETTE_CV_SEED=N: another shuffle of the sites into the folds, 0 (the reported folds) by default;
#      GAZETTE_EXPLAIN_FOLDS=K with explain: the models of `cv K`'s folds, fitted without the dump's whole fold;
#      GAZETTE_L2_TITLE=X: the title model's penalty, 100 by default (the other choice models' 300);
#      GAZETTE_TITLE_WINDOW=N: title candidates from N lines above the article run, 300 by default;
#      GAZETTE_TITLE_CONTENDERS=N: the title model's N most probable candidates meet in the pair model's rounds, 2 by default;
#      GAZETTE_TITLE_HEADER_ONLY=W: header-only sites weigh W each in the title model's fit, 1 by default (0: the title
#      model is the opener, fitted on the sites with a body only);
#      GAZETTE_BYLINES_HEADER_ONLY=W: header-only sites weigh W each in the byline model's fit, 0 by default: left out;
#      GAZETTE_BYLINES_CALIBRATION_HEADER_ONLY=W: and W each in its calibration, GAZETTE_BYLINES_HEADER_ONLY by default)
#     (saved pages too, rows "html ..."; GAZETTE_CV_HTML=FILE: one row per held-out saved page)
#   bench/cleaning/train.sh cvhtml K [CASES_DIR...]  the saved pages alone, their models held out by site in the same folds
#   bench/cleaning/train.sh cvtitles K [CASES_DIR...]  the title model alone, variants of its fit over the same folds
#     (GAZETTE_TITLE_VARIANTS="name=L2[/PAIR_L2[/TAKE[/CONTENDERS[/FIT]]]][@PAIR_FEATURES_REGEX][:-feature,...];...": with PAIR_L2,
#      the pair model (TitlePairs) fitted too, reading the pair features the regex matches, a challenger taken from TAKE in
#      rounds among the title model's CONTENDERS most probable, fitted on the pairs among the FIT most probable;
#      GAZETTE_CV_TITLE_DIR=DIR: one file of rows per variant;
#      see src/test/java/dev/gazette/clean/TitleCrossValidation.java)
#   bench/cleaning/train.sh score PRED.jsonl [CASES_DIR...]  the same table (text dumps and saved pages) for `gazette extract --json` output
#   bench/cleaning/train.sh explain CASE [CASES_DIR...]  `gazette extract --explain` of one dump, every model fitted without its site
# CASES_DIR default: ../shared/cleaning-dev, bench/out/cases (made by make_cases.sh) and bench/out/postlight
# (header-only cases, made by make_postlight_cases.sh).
# See src/test/java/dev/gazette/clean/LineModelTrainer.java.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
mode="$1"; shift
arg=""
if [ "$mode" = cv ] || [ "$mode" = cvhtml ] || [ "$mode" = cvtitles ] || [ "$mode" = score ] || [ "$mode" = explain ]; then arg="$1"; shift; else arg="$root/src/main/resources/dev/gazette/clean"; fi
source "$root/bench/cleaning/case-dirs.sh"
dirs=("$@")
[ ${#dirs[@]} -gt 0 ] || default_case_dirs "$root" postlight
(cd "$root" && mvn -B -q -Dstyle.color=never -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath) >&2
java ${GAZETTE_CV_SEED:+-Dgazette.foldSeed=$GAZETTE_CV_SEED} ${GAZETTE_L2:+-Dgazette.l2=$GAZETTE_L2} ${GAZETTE_L2_HTML:+-Dgazette.l2html=$GAZETTE_L2_HTML} ${GAZETTE_L2_TITLE:+-Dgazette.l2title=$GAZETTE_L2_TITLE} ${GAZETTE_TITLE_WINDOW:+-Dgazette.titleWindow=$GAZETTE_TITLE_WINDOW} ${GAZETTE_TITLE_CONTENDERS:+-Dgazette.titleContenders=$GAZETTE_TITLE_CONTENDERS} ${GAZETTE_TITLE_HEADER_ONLY:+-Dgazette.titleHeaderOnly=$GAZETTE_TITLE_HEADER_ONLY} ${GAZETTE_BYLINES_HEADER_ONLY:+-Dgazette.bylinesHeaderOnly=$GAZETTE_BYLINES_HEADER_ONLY} ${GAZETTE_BYLINE_CHOSEN:+-Dgazette.bylineChosen=$GAZETTE_BYLINE_CHOSEN} ${GAZETTE_BYLINES_CALIBRATION_HEADER_ONLY:+-Dgazette.bylinesCalibrationHeaderOnly=$GAZETTE_BYLINES_CALIBRATION_HEADER_ONLY} -cp "$root/target/classes:$root/target/test-classes:$(cat "$root/target/test.classpath")" \
  dev.gazette.clean.LineModelTrainer "$mode" "$arg" "${dirs[@]}"
