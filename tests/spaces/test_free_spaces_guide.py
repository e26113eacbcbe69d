"""The free-spaces guide: one page, Korean font embedded, text a reader can copy."""
import re
import subprocess
from datetime import date

from campdesk.reports.free_spaces import free_spaces_pdf
from campdesk.services import spaces


def test_guide_is_one_page_with_embedded_korean_font_and_text(camp, tmp_path):
    spaces.assign(camp.ctx, camp.desks[0], camp.co["빛고을AI"], date(2026, 1, 1))
    spaces.assign(camp.ctx, camp.office2, camp.co["무등랩스"], date(2027, 1, 1), status="reserved")
    path = tmp_path / "guide.pdf"
    path.write_bytes(free_spaces_pdf(camp.ctx, date(2026, 11, 25)))
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    rows = [line.split() for line in fonts.splitlines()[2:] if line.strip()]
    assert rows and all(r[-5] == "yes" for r in rows), fonts  # every font embedded
    assert "NanumGothic" in {r[0].split("+")[-1] for r in rows}
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.M)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", "-layout", str(path), "-"],
                          capture_output=True, text=True).stdout
    assert "입주 가능 공간 안내" in text and "2026년 11월 25일" in text
    assert "301호" in text and "302 오픈데스크" in text and "D2, D3, D4" in text
    assert "~ 2026. 12. 31." in text  # 201호 is free until its reservation starts
    assert "빛고을AI" not in text
