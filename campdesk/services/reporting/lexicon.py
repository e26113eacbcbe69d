"""The Korean words the difficulty count knows: particles cut off a word, verb endings and
function words dropped (``campdesk.services.reporting.keywords``). Data, not shown text."""

PARTICLES = """
    으로부터 에서부터 이라서 에게서 으로는 에서는 에서도 으로도 이라는 이라고 까지는 부터는
    와의 과의 에서 에게 한테 으로 께서 까지 부터 마다 처럼 보다 이나 이며 이고 이란 라는 라고
    에는 에도 하고 들이 들을 들은 들의 들도 들과 들에
    은 는 이 가 을 를 의 에 도 와 과 로 만 나 란
"""
VERB_ENDINGS = ("합니다", "습니다", "입니다", "했다", "한다", "하다", "해요", "했음", "하여", "해서",
                "하는", "하고", "하기", "되어", "되는", "된다", "없음", "없다", "있음", "있다", "함", "려고", "어렵고")
STOPWORDS = """
    관련 대한 대해 위한 위해 통해 있는 없는 등의 그리고 하지만 또한 현재 경우 부분 내용 사항 여부
    가능 가능한 애로 애로사항 문제 상황 정도 이후 이번 다소 매우 많이 너무 아직 계속 해당 기타
    있음 없음 필요함 the and for with
"""
