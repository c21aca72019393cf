import { render } from "preact";
import "./style.css";
import "./theme";
import { setLang, chosenLang } from "./i18n";
import { App } from "./app";

setLang(chosenLang.value).then(() => render(<App />, document.getElementById("app")!));
