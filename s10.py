import sys; sys.path.insert(0, "/tmp/review17")
from lib import *
pages = sys.argv[1:] or ["practice","progress","history","tutor","memory","profile"]
with sync_playwright() as p:
    b = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=["--no-sandbox","--disable-background-networking","--disable-component-update","--disable-gpu"])
    ctx = b.new_context(viewport={"width":1280,"height":900}, storage_state="/tmp/review17/stateA.json")
    page = ctx.new_page()
    for pg in pages:
        page.goto(URL + "/" + pg); idle(page); page.wait_for_timeout(1500)
        anchors = page.evaluate("""() => [...document.querySelectorAll('[data-testid="stHeaderActionElements"] a')].map(a => a.getAttribute('tabindex'))""")
        print(f"=== {pg} ({page.url}) anchors tabindex: {anchors}")
        page.screenshot(path=f"/tmp/review17/10_{pg}.png", full_page=True)
        seen = []
        for i in range(70):
            page.keyboard.press("Tab")
            d = focused(page)
            seen.append(d)
            if d.startswith("body") and i > 0: 
                print(f"  {i+1:2d}. {d[:150]}"); break
            print(f"  {i+1:2d}. {d[:150]}")
    b.close()
