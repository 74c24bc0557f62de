#!/bin/sh
# Fetch the page's third-party browser files from npm into src/chronicle/web/static/vendor/.
# They are committed, so the page and /docs work offline under the CSP (default-src 'self'):
# nothing is loaded from a CDN at run time. Re-run this to upgrade, then review the diff.
#
# vis-timeline's "standalone" build injects its CSS with a <style> element, which the page's
# style-src 'self' refuses; the "peer" build does not, so we ship it with its two peers
# (moment, vis-data) and the stylesheet as a file.
set -eu
VIS_TIMELINE=8.5.4
VIS_DATA=8.0.5
MOMENT=2.30.1
SWAGGER=5.35.0

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT="$ROOT/src/chronicle/web/static/vendor"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

cd "$WORK"
npm pack --silent "vis-timeline@$VIS_TIMELINE" "vis-data@$VIS_DATA" "moment@$MOMENT" "swagger-ui-dist@$SWAGGER" >/dev/null
for name in vis-timeline-$VIS_TIMELINE vis-data-$VIS_DATA moment-$MOMENT swagger-ui-dist-$SWAGGER; do
  mkdir "$name" && tar xzf "$name.tgz" -C "$name"
done

mkdir -p "$OUT/vis" "$OUT/swagger"
T=vis-timeline-$VIS_TIMELINE/package
cp "$T/peer/umd/vis-timeline-graph2d.min.js" "$T/styles/vis-timeline-graph2d.min.css" "$OUT/vis/"
cp "$T/LICENSE.Apache-2.0.txt" "$OUT/vis/LICENSE-vis-timeline.Apache-2.0.txt"
cp "$T/LICENSE.MIT.txt" "$OUT/vis/LICENSE-vis-timeline.MIT.txt"
D=vis-data-$VIS_DATA/package
cp "$D/standalone/umd/vis-data.min.js" "$OUT/vis/"
cp "$D/LICENSE-APACHE-2.0" "$OUT/vis/LICENSE-vis-data.Apache-2.0.txt"
cp "$D/LICENSE-MIT" "$OUT/vis/LICENSE-vis-data.MIT.txt"
cp "moment-$MOMENT/package/min/moment.min.js" "$OUT/vis/"
cp "moment-$MOMENT/package/LICENSE" "$OUT/vis/LICENSE-moment.MIT.txt"
S=swagger-ui-dist-$SWAGGER/package
cp "$S/swagger-ui-bundle.js" "$S/swagger-ui.css" "$S/swagger-ui-bundle.js.LICENSE.txt" "$OUT/swagger/"
cp "$S/LICENSE" "$OUT/swagger/LICENSE-swagger-ui.Apache-2.0.txt"
cp "$S/NOTICE" "$OUT/swagger/NOTICE"
# The bundles end with a sourceMappingURL to files we do not ship; drop it so browsers do not ask.
sed -i '/^\/\/# sourceMappingURL=/d' "$OUT"/vis/*.js "$OUT"/swagger/*.js
sed -i 's#/\*\# sourceMappingURL=[^*]*\*/##' "$OUT"/vis/*.css "$OUT"/swagger/*.css
cat > "$OUT/VERSIONS" <<VERSIONS
vis-timeline $VIS_TIMELINE (peer UMD build; Apache-2.0 OR MIT)
vis-data $VIS_DATA (standalone UMD build; Apache-2.0 OR MIT)
moment $MOMENT (MIT)
swagger-ui-dist $SWAGGER (Apache-2.0)
fetched with scripts/vendor_assets.sh (npm pack from the npm registry)
VERSIONS
