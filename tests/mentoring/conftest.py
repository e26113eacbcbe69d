"""Fixtures of the mentoring tests: a small pool and a programme, made through the services."""
from datetime import date

import pytest

from campdesk.services import companies, mentoring, mentors


@pytest.fixture
def pool(staffed_ctx):
    """Four mentors (one per field, one with two fields), two companies, a programme."""
    ctx = staffed_ctx
    ids = {
        "finance": mentors.create_mentor(ctx, {
            "name": "박투자", "fields": "재무·투자", "organisation": "한국벤처투자",
            "keywords": "IR 자료, 투자 유치, 기업가치 평가", "expertise": "벤처투자 유치, IR 피칭",
            "email": "park@vc.example.kr"}),
        "tech": mentors.create_mentor(ctx, {
            "name": "김기술", "fields": "기술개발", "organisation": "광주과학기술원",
            "keywords": "모델 경량화, GPU 최적화, 컴퓨터 비전", "expertise": "임베디드 AI, MLOps"}),
        "bm": mentors.create_mentor(ctx, {
            "name": "이사업", "fields": "비즈니스모델, 창업 경영", "organisation": "광주창조경제혁신센터",
            "keywords": "판로 개척, B2B 영업, 공공조달", "expertise": "SaaS 사업화"}),
        "mgmt": mentors.create_mentor(ctx, {
            "name": "최경영", "fields": "창업경영", "organisation": "법무법인 태평양",
            "keywords": "사업계획서, 인사·노무, 채용 전략", "expertise": "조직 관리"}),
    }
    c1 = companies.create_company(ctx, {"name": "빛고을AI", "relationship": "tenant",
                                        "ai_fields": "vision"})
    c2 = companies.create_company(ctx, {"name": "무등데이터", "relationship": "tenant"})
    programme = mentoring.create_programme(ctx, {"name": "2026 상반기 멘토링",
                                                 "starts_on": date(2026, 4, 1), "ends_on": date(2026, 6, 30)})
    return {"ctx": ctx, "mentors": ids, "companies": (c1, c2), "programme": programme}


@pytest.fixture
def services(staffed_ctx, qapp):
    from campdesk.ui.core import i18n
    from campdesk.ui.core.appservices import AppServices
    i18n.set_language("ko")
    app = AppServices(staffed_ctx)
    yield app
    app.shutdown()


@pytest.fixture
def window(services, qtbot):
    from campdesk.ui.core.mainwindow import MainWindow
    win = MainWindow(services)
    qtbot.addWidget(win)
    win.start()
    qtbot.waitExposed(win)
    yield win
    services.ops.wait()
    from PySide6.QtWidgets import QApplication
    import shiboken6
    for widget in QApplication.topLevelWidgets():
        if shiboken6.isValid(widget) and widget.isVisible():
            widget.close()
    QApplication.processEvents()
