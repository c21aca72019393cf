import{Bt as e,Ft as t,Ht as n,It as r,Lt as i,Mt as a,Nt as o,Ut as s,Vt as c,Wt as l,_ as u,o as d}from"./index-BIKqbgbW.js";import{i as f,n as p,r as m,t as h}from"./adaptivecards-templating-D7kjoSrD.js";import{jsonEditor as g}from"./editor-BTa-4k98.js";var _=n({actions:()=>T,adaptiveCard:()=>E,containerStyles:()=>C,default:()=>ee,factSet:()=>O,fontTypes:()=>b,imageSet:()=>D,imageSizes:()=>w,inputs:()=>k,separator:()=>y,spacing:()=>v,supportsInteractivity:()=>!0,textBlock:()=>S,textStyles:()=>x}),v,y,b,x,S,C,w,T,E,D,O,k,ee,A=c((()=>{v={small:3,default:8,medium:20,large:30,extraLarge:40,padding:10},y={lineThickness:1,lineColor:`#EEEEEE`},b={default:{fontFamily:`'Segoe UI', 'sans-serif', 'Oxygen', 'Ubuntu', 'Cantarell', 'Fira Sans', 'Droid Sans', 'Helvetica Neue'`,fontSizes:{small:12,default:14,medium:17,large:21,extraLarge:26},fontWeights:{lighter:200,default:400,bolder:600}},monospace:{fontFamily:`'Courier New', Courier, monospace`,fontSizes:{small:12,default:14,medium:17,large:21,extraLarge:26},fontWeights:{lighter:200,default:400,bolder:600}}},x={heading:{fontType:`default`,size:`large`,weight:`bolder`,color:`default`,isSubtle:!1}},S={headingLevel:2},C={default:{borderColor:`#CCCCCC`,backgroundColor:`#FFFFFF`,foregroundColors:{default:{default:`#000000`,subtle:`#6f6f6f`},accent:{default:`#0063B1`,subtle:`#0063B1`},attention:{default:`#B00000`,subtle:`#DDB00000`},good:{default:`#028A02`,subtle:`#DD028A02`},light:{default:`#646464`,subtle:`#767676`},warning:{default:`#B75C00`,subtle:`#DDB75C00`}}},emphasis:{borderColor:`#666666`,backgroundColor:`#F9F9F9`,foregroundColors:{default:{default:`#000000`,subtle:`#6f6f6f`},accent:{default:`#1F6BF1`,subtle:`#881F6BF1`},attention:{default:`#E31B13`,subtle:`#DDE31B13`},good:{default:`#0D860A`,subtle:`#DD0D860A`},warning:{default:`#BD5400`,subtle:`#DDBD5400`},light:{default:`#737373`,subtle:`#DD737373`}}},accent:{borderColor:`#62A8F7`,backgroundColor:`#D7E7FA`,foregroundColors:{default:{default:`#333333`,subtle:`#EE333333`},dark:{default:`#000000`,subtle:`#66000000`},light:{default:`#646464`,subtle:`#33646464`},accent:{default:`#145FDD`,subtle:`#88145FDD`},attention:{default:`#C42C07`,subtle:`#DDC42C07`},good:{default:`#0B7814`,subtle:`#DD0B7814`},warning:{default:`#935A10`,subtle:`#DD935A10`}}},good:{borderColor:`#69E569`,backgroundColor:`#CCFFCC`,foregroundColors:{default:{default:`#333333`,subtle:`#EE333333`},dark:{default:`#000000`,subtle:`#66000000`},light:{default:`#6E6E6E`,subtle:`#336E6E6E`},accent:{default:`#2168E4`,subtle:`#882168E4`},attention:{default:`#CC3300`,subtle:`#DDCC3300`},good:{default:`#0F8109`,subtle:`#DD0F8109`},warning:{default:`#9A630D`,subtle:`#DD9A630D`}}},attention:{borderColor:`#FF764C`,backgroundColor:`#FFC5B2`,foregroundColors:{default:{default:`#333333`,subtle:`#EE333333`},dark:{default:`#000000`,subtle:`#66000000`},light:{default:`#5A5A5A`,subtle:`#335A5A5A`},accent:{default:`#0854C5`,subtle:`#880854C5`},attention:{default:`#A92E0E`,subtle:`#DDA92E0E`},good:{default:`#256824`,subtle:`#DD256824`},warning:{default:`#775502`,subtle:`#DD775502`}}},warning:{borderColor:`#FFBC51`,backgroundColor:`#FFE2B2`,foregroundColors:{default:{default:`#333333`,subtle:`#EE333333`},dark:{default:`#000000`,subtle:`#66000000`},light:{default:`#646464`,subtle:`#33646464`},accent:{default:`#0F60DC`,subtle:`#880F60DC`},attention:{default:`#BF3505`,subtle:`#DDBF3505`},good:{default:`#207725`,subtle:`#DD207725`},warning:{default:`#866107`,subtle:`#DD866107`}}}},w={small:40,medium:80,large:160},T={maxActions:5,spacing:`default`,buttonSpacing:8,showCard:{actionMode:`inline`,inlineTopMargin:8},actionsOrientation:`horizontal`,actionAlignment:`stretch`},E={allowCustomStyle:!1},D={imageSize:`medium`,maxImageHeight:100},O={title:{color:`default`,size:`default`,isSubtle:!1,weight:`bolder`,wrap:!0,maxWidth:150},value:{color:`default`,size:`default`,isSubtle:!1,weight:`default`,wrap:!0},spacing:8},k={label:{inputSpacing:`small`,requiredInputs:{suffix:` (required)`,weight:`bolder`,size:`medium`},optionalInputs:{color:`dark`,isSubtle:!0}},errorMessage:{spacing:`small`,size:`small`,weight:`bolder`}},ee={spacing:v,separator:y,supportsInteractivity:!0,fontTypes:b,textStyles:x,textBlock:S,containerStyles:C,imageSizes:w,actions:T,adaptiveCard:E,imageSet:D,factSet:O,inputs:k}})),j=e((e=>{Object.defineProperty(e,"__esModule",{value:!0}),e.HostContainer=e.ColorTheme=void 0;var t=(f(),s(m)),n=(A(),s(_).default),r;(function(e){e.Light=`Light`,e.Dark=`Dark`})(r=e.ColorTheme||={}),e.HostContainer=function(){function e(e){this._elementsRegistry=new t.CardObjectRegistry,this._actionsRegistry=new t.CardObjectRegistry,this.supportsActionBar=!1,this.name=e,this._cardHost=document.createElement(`div`),this._cardHost.className=`cardHost`,t.GlobalRegistry.populateWithDefaultElements(this._elementsRegistry),t.GlobalRegistry.populateWithDefaultActions(this._actionsRegistry)}return e.prototype.initialize=function(){t.GlobalSettings.useMarkdownInRadioButtonAndCheckbox=!0,t.GlobalSettings.useAdvancedCardBottomTruncation=!1,t.GlobalSettings.useAdvancedTextBlockTruncation=!0},e.prototype.createSerializationContext=function(e){var n=new t.SerializationContext(e);return n.setElementRegistry(this.elementsRegistry),n.setActionRegistry(this.actionsRegistry),n},e.prototype.getBackgroundColor=function(){return`#F6F6F6`},e.prototype.parseElement=function(e,t,n){},e.prototype.anchorClicked=function(e,t){return!1},e.prototype.getHostConfig=function(){return new t.HostConfig(n)},e.prototype.requiresOverflowStyling=function(){return!1},e.prototype.adjustStyleForBackground=function(){},Object.defineProperty(e.prototype,"cardHost",{get:function(){return this._cardHost},enumerable:!1,configurable:!0}),Object.defineProperty(e.prototype,"isFixedHeight",{get:function(){return!1},enumerable:!1,configurable:!0}),Object.defineProperty(e.prototype,"elementsRegistry",{get:function(){return this._elementsRegistry},enumerable:!1,configurable:!0}),Object.defineProperty(e.prototype,"actionsRegistry",{get:function(){return this._actionsRegistry},enumerable:!1,configurable:!0}),Object.defineProperty(e.prototype,"targetVersion",{get:function(){return t.Versions.v1_0},enumerable:!1,configurable:!0}),Object.defineProperty(e.prototype,"enableDeviceEmulation",{get:function(){return!1},enumerable:!1,configurable:!0}),Object.defineProperty(e.prototype,"supportsMultipleSizes",{get:function(){return!1},enumerable:!1,configurable:!0}),Object.defineProperty(e,"supportedContainerThemes",{get:function(){return Object.values(r)},enumerable:!1,configurable:!0}),Object.defineProperty(e.prototype,"supportsMultipleThemes",{get:function(){return!1},enumerable:!1,configurable:!0}),Object.defineProperty(e.prototype,"colorTheme",{set:function(e){},enumerable:!1,configurable:!0}),e}()})),M=e(((e,t,n)=>{var r=n&&n.__extends||(function(){var e=function(t,n){return e=Object.setPrototypeOf||{__proto__:[]}instanceof Array&&function(e,t){e.__proto__=t}||function(e,t){for(var n in t)Object.prototype.hasOwnProperty.call(t,n)&&(e[n]=t[n])},e(t,n)};return function(t,n){if(typeof n!=`function`&&n!==null)throw TypeError(`Class extends value `+String(n)+` is not a constructor or null`);e(t,n);function r(){this.constructor=t}t.prototype=n===null?Object.create(n):(r.prototype=n.prototype,new r)}})();Object.defineProperty(e,"__esModule",{value:!0}),e.SingleThemeHostContainer=void 0,e.SingleThemeHostContainer=function(e){r(t,e);function t(t,n){var r=e.call(this,t)||this;return r._styleSheet=n,r}return t.prototype.getCurrentStyleSheet=function(){return this._styleSheet},t}(j().HostContainer)})),N=e(((e,t,n)=>{var r=n&&n.__extends||(function(){var e=function(t,n){return e=Object.setPrototypeOf||{__proto__:[]}instanceof Array&&function(e,t){e.__proto__=t}||function(e,t){for(var n in t)Object.prototype.hasOwnProperty.call(t,n)&&(e[n]=t[n])},e(t,n)};return function(t,n){if(typeof n!=`function`&&n!==null)throw TypeError(`Class extends value `+String(n)+` is not a constructor or null`);e(t,n);function r(){this.constructor=t}t.prototype=n===null?Object.create(n):(r.prototype=n.prototype,new r)}})();Object.defineProperty(e,"__esModule",{value:!0}),e.DefaultContainer=void 0,e.DefaultContainer=function(e){r(t,e);function t(){return e!==null&&e.apply(this,arguments)||this}return t.prototype.renderTo=function(e){e.classList.add(`card-frame`),e.appendChild(this.cardHost)},t}(M().SingleThemeHostContainer)})),P=e(((e,t,n)=>{var r=n&&n.__extends||(function(){var e=function(t,n){return e=Object.setPrototypeOf||{__proto__:[]}instanceof Array&&function(e,t){e.__proto__=t}||function(e,t){for(var n in t)Object.prototype.hasOwnProperty.call(t,n)&&(e[n]=t[n])},e(t,n)};return function(t,n){if(typeof n!=`function`&&n!==null)throw TypeError(`Class extends value `+String(n)+` is not a constructor or null`);e(t,n);function r(){this.constructor=t}t.prototype=n===null?Object.create(n):(r.prototype=n.prototype,new r)}})();Object.defineProperty(e,"__esModule",{value:!0}),e.MultiThemeHostContainer=e.ColorTheme=void 0;var i=(f(),s(m)),a=j(),o;(function(e){e.Light=`Light`,e.Dark=`Dark`})(o=e.ColorTheme||={}),e.MultiThemeHostContainer=function(e){r(t,e);function t(t,n,r,i,a,s){var c=e.call(this,t)||this;return c._colorTheme=o.Light,c._cssFileName=n,c._hostConfigLight=r,c._hostConfigDark=i,c._lightBackground=a,c._darkBackground=s,c}return t.prototype.getCurrentStyleSheet=function(){return`containers/`+this._cssFileName+`-`+this._colorTheme.toLowerCase()+`.css`},t.prototype.getHostConfig=function(){return new i.HostConfig(this._colorTheme===o.Light?this._hostConfigLight:this._hostConfigDark)},t.prototype.getBackgroundColor=function(){return this._colorTheme===o.Light?this._lightBackground:this._darkBackground},Object.defineProperty(t.prototype,"colorTheme",{set:function(e){this._colorTheme=e},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"supportsMultipleThemes",{get:function(){return!0},enumerable:!1,configurable:!0}),t}(a.HostContainer)})),F=n({containerStyles:()=>ie,default:()=>ae,fontFamily:()=>te,fontSizes:()=>ne,fontTypes:()=>L,fontWeights:()=>re,imageSizes:()=>R,separator:()=>V,spacing:()=>I,supportsInteractivity:()=>!0,textBlock:()=>B,textStyles:()=>z}),I,te,ne,re,L,ie,R,z,B,V,ae,oe=c((()=>{I={small:8,default:12,medium:16,large:20,extraLarge:24,padding:16},te=`'Segoe UI', 'Segoe UI Web (West European)', 'Segoe UI', -apple-system, BlinkMacSystemFont, 'Roboto', 'Helvetica Neue', sans-serif`,ne={small:12,default:14,medium:18,large:20,extraLarge:28},re={lighter:400,default:400,bolder:600},L={default:{fontFamily:`'Segoe UI', 'Segoe UI Web (West European)', 'Segoe UI', -apple-system, BlinkMacSystemFont, 'Roboto', 'Helvetica Neue', sans-serif`,fontSizes:{small:12,default:14,medium:18,large:20,extraLarge:28},fontWeights:{lighter:400,default:400,bolder:600}},monospace:{fontFamily:`'Courier New', Courier, monospace`,fontSizes:{small:12,default:14,medium:18,large:20,extraLarge:28},fontWeights:{lighter:400,default:400,bolder:600}}},ie={default:{foregroundColors:{default:{default:`#E4000000`,subtle:`#9E000000`},light:{default:`#FFFFFFFF`,subtle:`#C5FFFFFF`},dark:{default:`#000000`,subtle:`#000000`},accent:{default:`#003E92`,subtle:`#003E92`},good:{default:`#0F7B0F`,subtle:`#0F7B0F`},warning:{default:`#9D5D00`,subtle:`#9D5D00`},attention:{default:`#C42B1C`,subtle:`#C42B1C`}}}},R={small:32,medium:52,large:100},z={heading:{fontType:`default`,size:`large`,weight:`bolder`,color:`default`,isSubtle:!1}},B={maxWidth:`252px`},V={lineThickness:1,lineColor:`#333333`},ae={supportsInteractivity:!0,spacing:I,fontFamily:te,fontSizes:ne,fontWeights:re,fontTypes:L,containerStyles:ie,imageSizes:R,textStyles:z,textBlock:B,separator:V}})),H=n({containerStyles:()=>se,default:()=>de,fontFamily:()=>W,fontSizes:()=>G,fontTypes:()=>q,fontWeights:()=>K,imageSizes:()=>le,separator:()=>ue,spacing:()=>U,supportsInteractivity:()=>!0,textBlock:()=>ce,textStyles:()=>J}),U,W,G,K,q,se,J,ce,le,ue,de,fe=c((()=>{U={small:8,default:12,medium:16,large:20,extraLarge:24,padding:16},W=`'Segoe UI', 'Segoe UI Web (West European)', 'Segoe UI', -apple-system, BlinkMacSystemFont, 'Roboto', 'Helvetica Neue', sans-serif`,G={small:12,default:14,medium:18,large:20,extraLarge:28},K={lighter:400,default:400,bolder:600},q={default:{fontFamily:`'Segoe UI', 'Segoe UI Web (West European)', 'Segoe UI', -apple-system, BlinkMacSystemFont, 'Roboto', 'Helvetica Neue', sans-serif`,fontSizes:{small:12,default:14,medium:18,large:20,extraLarge:28},fontWeights:{lighter:400,default:400,bolder:600}},monospace:{fontFamily:`'Courier New', Courier, monospace`,fontSizes:{small:12,default:14,medium:18,large:20,extraLarge:28},fontWeights:{lighter:400,default:400,bolder:600}}},se={default:{foregroundColors:{default:{default:`#FFFFFFFF`,subtle:`#C5FFFFFF`},accent:{default:`#FF60CDFF`,subtle:`#60CDFF`},dark:{default:`#E4000000`,subtle:`#9E000000`},good:{default:`#6CCB5E`,subtle:`#6CCB5E`},warning:{default:`#FCE100`,subtle:`#FCE100`},attention:{default:`#FF99A4`,subtle:`#FF99A4`}}}},J={heading:{fontType:`default`,size:`large`,weight:`bolder`,color:`default`,isSubtle:!1}},ce={headingLevel:2},le={small:32,medium:52,large:100},ue={lineThickness:1,lineColor:`#FFFFFF`},de={supportsInteractivity:!0,spacing:U,fontFamily:W,fontSizes:G,fontWeights:K,fontTypes:q,containerStyles:se,textStyles:J,textBlock:ce,imageSizes:le,separator:ue}})),pe=e(((e,t,n)=>{var r=n&&n.__extends||(function(){var e=function(t,n){return e=Object.setPrototypeOf||{__proto__:[]}instanceof Array&&function(e,t){e.__proto__=t}||function(e,t){for(var n in t)Object.prototype.hasOwnProperty.call(t,n)&&(e[n]=t[n])},e(t,n)};return function(t,n){if(typeof n!=`function`&&n!==null)throw TypeError(`Class extends value `+String(n)+` is not a constructor or null`);e(t,n);function r(){this.constructor=t}t.prototype=n===null?Object.create(n):(r.prototype=n.prototype,new r)}})();Object.defineProperty(e,"__esModule",{value:!0}),e.WidgetContainer=e.ContainerSize=void 0;var i=(f(),s(m)),a=P(),o=(oe(),s(F).default),c=(fe(),s(H).default),l;(function(e){e.Small=`Small`,e.Medium=`Medium`,e.Large=`Large`})(l=e.ContainerSize||={}),e.WidgetContainer=function(e){r(t,e);function t(t){var n=e.call(this,`Widgets Board`,`widget-container`,o,c,`#D2D2D2`,`#616161`)||this;return n._containerSize=t,n}return t.prototype.initialize=function(){e.prototype.initialize.call(this),i.GlobalSettings.removePaddingFromContainersWithBackgroundImage=!0},t.prototype.renderTo=function(e){this.cardHost.classList.remove(`widget-small-card`,`widget-medium-card`,`widget-large-card`),this.cardHost.classList.add(`widget-`+this._containerSize.toLowerCase()+`-card`),this._outerFrame=document.createElement(`div`),this._outerFrame.classList.add(`widget-outer-container`),this._outerFrame.classList.add(`widget-`+this._containerSize.toLowerCase()+`-container`);var t=document.createElement(`div`);t.className=`widget-header`,this._outerFrame.appendChild(t);var n=document.createElement(`p`);n.className=`widget-header-text`,n.textContent=`Widget Header`,t.appendChild(n);var r=document.createElement(`div`);r.className=`widget-header-more-button`,r.setAttribute(`role`,`button`),r.tabIndex=0,t.appendChild(r);var i=document.createElement(`div`);i.className=`widget-inner-container`,i.appendChild(this.cardHost),this._outerFrame.appendChild(i),e.appendChild(this._outerFrame)},t.prototype.requiresOverflowStyling=function(){var e=document.getElementsByClassName(`ac-adaptiveCard`)[0];return e.getBoundingClientRect().height>this.cardHost.getBoundingClientRect().height&&(this.applyWidgetOverflowStyling(e),!0)},t.prototype.applyWidgetOverflowStyling=function(e){e.style.height=`100%`;var n=this.addCardElementsWrapper(e);n.classList.add(`no-overflow`);for(var r=e.getElementsByClassName(`ac-carousel-container`),i=0;i<r.length;i++){var a=r[i],o=a.getBoundingClientRect(),s=n.getBoundingClientRect(),c=o.bottom-16,l=o.bottom;if(l>=s.bottom&&l<s.bottom+t.widgetPadding||c>=s.bottom&&c<s.bottom+t.widgetPadding){e.classList.add(`no-overflow`),n.classList.remove(`no-overflow`),a.style.marginBottom=t.widgetPadding+`px`;break}}},t.prototype.addCardElementsWrapper=function(e){var t=document.createElement(`div`);return t.classList.add(`ac-card-elements-wrapper`),Array.from(e.children).forEach(function(e){t.appendChild(e)}),e.appendChild(t),t},t.prototype.adjustStyleForBackground=function(){this._outerFrame.classList.remove(`widget-small-container-no-border`,`widget-medium-container-no-border`,`widget-large-container-no-border`),document.getElementsByClassName(`ac-adaptiveCard`)[0].style.backgroundImage&&this._outerFrame.classList.add(`widget-`+this._containerSize.toLowerCase()+`-container-no-border`)},Object.defineProperty(t.prototype,"targetVersion",{get:function(){return i.Versions.v1_6},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"isFixedHeight",{get:function(){return!0},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"containerSize",{set:function(e){this._containerSize=e},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"supportsMultipleSizes",{get:function(){return!0},enumerable:!1,configurable:!0}),Object.defineProperty(t,"supportedContainerSizes",{get:function(){return Object.values(l)},enumerable:!1,configurable:!0}),t.widgetPadding=16,t}(a.MultiThemeHostContainer)})),me=n({containerStyles:()=>be,default:()=>we,factSet:()=>Ce,fontTypes:()=>_e,imageSet:()=>Se,imageSizes:()=>xe,separator:()=>ge,spacing:()=>he,supportsInteractivity:()=>!1,textBlock:()=>ye,textStyles:()=>ve}),he,ge,_e,ve,ye,be,xe,Se,Ce,we,Te=c((()=>{he={small:3,default:8,medium:20,large:30,extraLarge:40,padding:10},ge={lineThickness:1,lineColor:`#EEEEEE`},_e={default:{fontFamily:`'Segoe UI', Tahoma, Geneva, Verdana, sans-serif`,fontSizes:{small:12,default:14,medium:17,large:21,extraLarge:26},fontWeights:{lighter:200,default:400,bolder:600}},monospace:{fontFamily:`'Courier New', Courier, monospace`,fontSizes:{small:12,default:14,medium:17,large:21,extraLarge:26},fontWeights:{lighter:200,default:400,bolder:600}}},ve={heading:{fontType:`default`,size:`large`,weight:`bolder`,color:`default`,isSubtle:!1}},ye={headingLevel:2},be={default:{borderColor:`#CCCCCC`,backgroundColor:`#FFFFFF`,foregroundColors:{default:{default:`#333333`,subtle:`#EE333333`},accent:{default:`#2E89FC`,subtle:`#882E89FC`},attention:{default:`#FF0000`,subtle:`#DDFF0000`},good:{default:`#028A02`,subtle:`#DD027502`},warning:{default:`#B75C00`,subtle:`#DDB75C00`}}},emphasis:{borderColor:`#666666`,backgroundColor:`#08000000`,foregroundColors:{default:{default:`#333333`,subtle:`#EE333333`},accent:{default:`#2E89FC`,subtle:`#882E89FC`},attention:{default:`#FF0000`,subtle:`#DDFF0000`},good:{default:`#028A02`,subtle:`#DD027502`},warning:{default:`#B75C00`,subtle:`#DDB75C00`}}},accent:{borderColor:`#62A8F7`,backgroundColor:`#C7DEF9`,foregroundColors:{default:{default:`#333333`,subtle:`#EE333333`},dark:{default:`#000000`,subtle:`#66000000`},light:{default:`#FFFFFF`,subtle:`#33000000`},accent:{default:`#2E89FC`,subtle:`#882E89FC`},attention:{default:`#cc3300`,subtle:`#DDcc3300`},good:{default:`#028A02`,subtle:`#DD027502`},warning:{default:`#e69500`,subtle:`#DDe69500`}}},good:{borderColor:`#69E569`,backgroundColor:`#CCFFCC`,foregroundColors:{default:{default:`#333333`,subtle:`#EE333333`},dark:{default:`#000000`,subtle:`#66000000`},light:{default:`#FFFFFF`,subtle:`#33000000`},accent:{default:`#2E89FC`,subtle:`#882E89FC`},attention:{default:`#cc3300`,subtle:`#DDcc3300`},good:{default:`#028A02`,subtle:`#DD027502`},warning:{default:`#e69500`,subtle:`#DDe69500`}}},attention:{borderColor:`#FF764C`,backgroundColor:`#FFC5B2`,foregroundColors:{default:{default:`#333333`,subtle:`#EE333333`},dark:{default:`#000000`,subtle:`#66000000`},light:{default:`#FFFFFF`,subtle:`#33000000`},accent:{default:`#2E89FC`,subtle:`#882E89FC`},attention:{default:`#cc3300`,subtle:`#DDcc3300`},good:{default:`#028A02`,subtle:`#DD027502`},warning:{default:`#e69500`,subtle:`#DDe69500`}}},warning:{borderColor:`#FFBC51`,backgroundColor:`#FFE2B2`,foregroundColors:{default:{default:`#333333`,subtle:`#EE333333`},dark:{default:`#000000`,subtle:`#66000000`},light:{default:`#FFFFFF`,subtle:`#33000000`},accent:{default:`#2E89FC`,subtle:`#882E89FC`},attention:{default:`#cc3300`,subtle:`#DDcc3300`},good:{default:`#028A02`,subtle:`#DD027502`},warning:{default:`#e69500`,subtle:`#DDe69500`}}}},xe={small:40,medium:80,large:160},Se={imageSize:`medium`,maxImageHeight:100},Ce={title:{color:`default`,size:`default`,isSubtle:!1,weight:`bolder`,wrap:!0,maxWidth:150},value:{color:`default`,size:`default`,isSubtle:!1,weight:`default`,wrap:!0},spacing:10},we={spacing:he,separator:ge,supportsInteractivity:!1,fontTypes:_e,textStyles:ve,textBlock:ye,containerStyles:be,imageSizes:xe,imageSet:Se,factSet:Ce}})),Ee=e(((e,t,n)=>{var r=n&&n.__extends||(function(){var e=function(t,n){return e=Object.setPrototypeOf||{__proto__:[]}instanceof Array&&function(e,t){e.__proto__=t}||function(e,t){for(var n in t)Object.prototype.hasOwnProperty.call(t,n)&&(e[n]=t[n])},e(t,n)};return function(t,n){if(typeof n!=`function`&&n!==null)throw TypeError(`Class extends value `+String(n)+` is not a constructor or null`);e(t,n);function r(){this.constructor=t}t.prototype=n===null?Object.create(n):(r.prototype=n.prototype,new r)}})();Object.defineProperty(e,"__esModule",{value:!0}),e.BotFrameworkContainer=void 0;var i=(f(),s(m)),a=M(),o=(Te(),s(me).default);e.BotFrameworkContainer=function(e){r(t,e);function t(){return e!==null&&e.apply(this,arguments)||this}return t.prototype.renderTo=function(e){this.cardHost.classList.add(`bf-images-card`);var t=document.createElement(`div`);t.className=`bf-images-frame`,t.appendChild(this.cardHost),e.appendChild(t)},t.prototype.getHostConfig=function(){return new i.HostConfig(o)},Object.defineProperty(t.prototype,"enableDeviceEmulation",{get:function(){return!0},enumerable:!1,configurable:!0}),t}(a.SingleThemeHostContainer)})),De=n({actions:()=>Fe,adaptiveCard:()=>Ie,containerStyles:()=>Ne,default:()=>ze,factSet:()=>Re,fontTypes:()=>Ae,imageSet:()=>Le,imageSizes:()=>Pe,separator:()=>ke,spacing:()=>Oe,supportsInteractivity:()=>!0,textBlock:()=>Me,textStyles:()=>je}),Oe,ke,Ae,je,Me,Ne,Pe,Fe,Ie,Le,Re,ze,Be=c((()=>{Oe={small:3,default:8,medium:20,large:30,extraLarge:40,padding:10},ke={lineThickness:1,lineColor:`#FF999999`},Ae={default:{fontFamily:`'Segoe UI', Tahoma, Geneva, Verdana, sans-serif`,fontSizes:{small:13,default:15,medium:18,large:20,extraLarge:24},fontWeights:{lighter:200,default:400,bolder:600}},monospace:{fontFamily:`'Courier New', Courier, monospace`,fontSizes:{small:13,default:15,medium:18,large:20,extraLarge:24},fontWeights:{lighter:200,default:400,bolder:600}}},je={heading:{fontType:`default`,size:`large`,weight:`bolder`,color:`default`,isSubtle:!1}},Me={headingLevel:2},Ne={default:{borderColor:`#666666`,backgroundColor:`#000000`,foregroundColors:{default:{default:`#FFFFFFFF`,subtle:`#99FFFFFF`},accent:{default:`#FF2E89FC`,subtle:`#CC2E89FC`},dark:{default:`#FF000000`,subtle:`#99999999`},light:{default:`#FFFFFFFF`,subtle:`#99FFFFFF`},attention:{default:`#CCFF0000`,subtle:`#99FF0000`},good:{default:`#CC00FF00`,subtle:`#9900FF00`},warning:{default:`#CCFF9800`,subtle:`#99FF9800`}}},emphasis:{borderColor:`#33CCCCCC`,backgroundColor:`#33FFFFFF`,foregroundColors:{default:{default:`#FFFFFFFF`,subtle:`#99FFFFFF`},accent:{default:`#FF2E89FC`,subtle:`#CC2E89FC`},dark:{default:`#FF999999`,subtle:`#99999999`},light:{default:`#FFFFFFFF`,subtle:`#99FFFFFF`},attention:{default:`#CCFF0000`,subtle:`#99FF0000`},good:{default:`#CC00FF00`,subtle:`#9900FF00`},warning:{default:`#CCFF9800`,subtle:`#99FF9800`}}},accent:{borderColor:`#62A8F7`,backgroundColor:`#C7DEF9`,foregroundColors:{default:{default:`#FFFFFFFF`,subtle:`#99FFFFFF`},accent:{default:`#FF2E89FC`,subtle:`#CC2E89FC`},dark:{default:`#FF999999`,subtle:`#99999999`},light:{default:`#FFFFFFFF`,subtle:`#99FFFFFF`},attention:{default:`#CCFF0000`,subtle:`#99FF0000`},good:{default:`#CC00FF00`,subtle:`#9900FF00`},warning:{default:`#CCFF9800`,subtle:`#99FF9800`}}},good:{borderColor:`#69E569`,backgroundColor:`#CCFFCC`,foregroundColors:{default:{default:`#FFFFFFFF`,subtle:`#99FFFFFF`},accent:{default:`#FF2E89FC`,subtle:`#CC2E89FC`},dark:{default:`#FF999999`,subtle:`#99999999`},light:{default:`#FFFFFFFF`,subtle:`#99FFFFFF`},attention:{default:`#CCFF0000`,subtle:`#99FF0000`},good:{default:`#CC00FF00`,subtle:`#9900FF00`},warning:{default:`#CCFF9800`,subtle:`#99FF9800`}}},attention:{borderColor:`#FF764C`,backgroundColor:`#FFC5B2`,foregroundColors:{default:{default:`#FFFFFFFF`,subtle:`#99FFFFFF`},accent:{default:`#FF2E89FC`,subtle:`#CC2E89FC`},dark:{default:`#FF999999`,subtle:`#99999999`},light:{default:`#FFFFFFFF`,subtle:`#99FFFFFF`},attention:{default:`#CCFF0000`,subtle:`#99FF0000`},good:{default:`#CC00FF00`,subtle:`#9900FF00`},warning:{default:`#CCFF9800`,subtle:`#99FF9800`}}},warning:{borderColor:`#FFBC51`,backgroundColor:`#FFE2B2`,foregroundColors:{default:{default:`#FFFFFFFF`,subtle:`#99FFFFFF`},accent:{default:`#FF2E89FC`,subtle:`#CC2E89FC`},dark:{default:`#FF999999`,subtle:`#99999999`},light:{default:`#FFFFFFFF`,subtle:`#99FFFFFF`},attention:{default:`#CCFF0000`,subtle:`#99FF0000`},good:{default:`#CC00FF00`,subtle:`#9900FF00`},warning:{default:`#CCFF9800`,subtle:`#99FF9800`}}}},Pe={small:40,medium:68,large:320},Fe={maxActions:5,spacing:`default`,buttonSpacing:5,showCard:{actionMode:`inline`,inlineTopMargin:20},actionsOrientation:`horizontal`,actionAlignment:`stretch`},Ie={allowCustomStyle:!1},Le={imageSize:`small`,maxImageHeight:100},Re={title:{color:`default`,size:`default`,isSubtle:!1,weight:`bolder`,wrap:!0},value:{color:`default`,size:`default`,isSubtle:!1,weight:`default`,wrap:!0},spacing:12},ze={spacing:Oe,separator:ke,supportsInteractivity:!0,fontTypes:Ae,textStyles:je,textBlock:Me,containerStyles:Ne,imageSizes:Pe,actions:Fe,adaptiveCard:Ie,imageSet:Le,factSet:Re}})),Ve=e(((e,t,n)=>{var r=n&&n.__extends||(function(){var e=function(t,n){return e=Object.setPrototypeOf||{__proto__:[]}instanceof Array&&function(e,t){e.__proto__=t}||function(e,t){for(var n in t)Object.prototype.hasOwnProperty.call(t,n)&&(e[n]=t[n])},e(t,n)};return function(t,n){if(typeof n!=`function`&&n!==null)throw TypeError(`Class extends value `+String(n)+` is not a constructor or null`);e(t,n);function r(){this.constructor=t}t.prototype=n===null?Object.create(n):(r.prototype=n.prototype,new r)}})();Object.defineProperty(e,"__esModule",{value:!0}),e.CortanaClassicContainer=void 0;var i=(f(),s(m)),a=M(),o=(Be(),s(De).default);e.CortanaClassicContainer=function(e){r(t,e);function t(){return e!==null&&e.apply(this,arguments)||this}return t.prototype.renderTo=function(e){this.cardHost.classList.add(`cortana-card`);var t=document.createElement(`div`);t.classList.add(`cortana-leftside`);var n=document.createElement(`div`);n.classList.add(`cortana-topleft`);var r=document.createElement(`div`);r.classList.add(`cortana-middleleft`);var i=document.createElement(`div`);i.classList.add(`cortana-bottomleft`),t.appendChild(n),t.appendChild(r),t.appendChild(i);var a=document.createElement(`div`);a.classList.add(`cortana-rightside`);var o=document.createElement(`div`);o.classList.add(`cortana-header`);var s=document.createElement(`div`);s.classList.add(`cortana-searchbox`);var c=document.createElement(`div`);c.classList.add(`cortana-searchbox-magnifyingglass`);var l=document.createElement(`div`);l.classList.add(`cortana-searchbox-middle`);var u=document.createElement(`div`);u.classList.add(`cortana-searchbox-microphone`),s.appendChild(c),s.appendChild(l),s.appendChild(u),a.appendChild(o),a.appendChild(this.cardHost),a.appendChild(s);var d=document.createElement(`div`);d.classList.add(`cortana-frame`),d.appendChild(t),d.appendChild(a),e.classList.add(`cortana-outer-frame`),e.appendChild(d)},t.prototype.getHostConfig=function(){return new i.HostConfig(o)},t}(a.SingleThemeHostContainer)})),He=n({actions:()=>Qe,containerStyles:()=>Ze,default:()=>tt,factSet:()=>et,fontSizes:()=>Ye,fontTypes:()=>Ke,fontWeights:()=>Xe,imageSet:()=>$e,imageSizes:()=>Ge,separator:()=>We,spacing:()=>Ue,textBlock:()=>Je,textStyles:()=>qe}),Ue,We,Ge,Ke,qe,Je,Ye,Xe,Ze,Qe,$e,et,tt,nt=c((()=>{Ue={small:4,default:8,medium:12,padding:16,large:20,extraLarge:32},We={lineThickness:1,lineColor:`#E6E6E6`},Ge={small:32,medium:48,large:96},Ke={default:{fontFamily:`Segoe UI, Tahoma, Geneva, Verdana, sans-serif`,fontSizes:{small:12,default:14,medium:16,large:18,extraLarge:24},fontWeights:{lighter:200,default:400,bolder:600}},monospace:{fontFamily:`Courier New, Courier, monospace`,fontSizes:{small:12,default:14,medium:16,large:18,extraLarge:24},fontWeights:{lighter:200,default:400,bolder:600}}},qe={heading:{fontType:`default`,size:`large`,weight:`bolder`,color:`default`,isSubtle:!1}},Je={headingLevel:2},Ye={small:12,default:14,medium:16,large:18,extraLarge:24},Xe={lighter:200,default:400,bolder:600},Ze={default:{borderColor:`#CCCCCC`,backgroundColor:`#ffffff`,foregroundColors:{default:{default:`#000000`,subtle:`#737373`},dark:{default:`#000000`,subtle:`#737373`},light:{default:`#FFFFFF`,subtle:`#D2D2D2`},accent:{default:`#0078D4`,subtle:`#004D8C`},good:{default:`#107C10`,subtle:`#0B6A0B`},warning:{default:`#CA5010`,subtle:`#8E562E`},attention:{default:`#C50F1F`,subtle:`#A80000`}}},emphasis:{borderColor:`#717171`,backgroundColor:`#F2F2F2`,foregroundColors:{default:{default:`#000000`,subtle:`#737373`},dark:{default:`#000000`,subtle:`#737373`},light:{default:`#FFFFFF`,subtle:`#D2D2D2`},accent:{default:`#0078D4`,subtle:`#004D8C`},good:{default:`#107C10`,subtle:`#0B6A0B`},warning:{default:`#CA5010`,subtle:`#8E562E`},attention:{default:`#C50F1F`,subtle:`#A80000`}}},accent:{borderColor:`#62A8F7`,backgroundColor:`#E5F1FA`,foregroundColors:{default:{default:`#000000`,subtle:`#737373`},dark:{default:`#000000`,subtle:`#737373`},light:{default:`#FFFFFF`,subtle:`#D2D2D2`},accent:{default:`#0078D4`,subtle:`#004D8C`},good:{default:`#107C10`,subtle:`#0B6A0B`},warning:{default:`#CA5010`,subtle:`#8E562E`},attention:{default:`#C50F1F`,subtle:`#A80000`}}},good:{borderColor:`#69E569`,backgroundColor:`#107C10`,foregroundColors:{default:{default:`#FFFFFF`,subtle:`#D4E7D4`},dark:{default:`#000000`,subtle:`#073707`},light:{default:`#FFFFFF`,subtle:`#D4E7D4`},accent:{default:`#0078D4`,subtle:`#004D8C`},good:{default:`#107C10`,subtle:`#0B6A0B`},warning:{default:`#CA5010`,subtle:`#8E562E`},attention:{default:`#C50F1F`,subtle:`#A80000`}}},attention:{borderColor:`#FF764C`,backgroundColor:`#C50F1F`,foregroundColors:{default:{default:`#FFFFFF`,subtle:`#F4D4D7`},dark:{default:`#000000`,subtle:`#58060D`},light:{default:`#FFFFFF`,subtle:`#F4D4D7`},accent:{default:`#0078D4`,subtle:`#004D8C`},good:{default:`#107C10`,subtle:`#0B6A0B`},warning:{default:`#CA5010`,subtle:`#8E562E`},attention:{default:`#C50F1F`,subtle:`#A80000`}}},warning:{borderColor:`#FFBC51`,backgroundColor:`#FCE100`,foregroundColors:{default:{default:`#000000`,subtle:`#716500`},dark:{default:`#000000`,subtle:`#716500`},light:{default:`#FFFFFF`,subtle:`#FEF9D2`},accent:{default:`#0078D4`,subtle:`#004D8C`},good:{default:`#107C10`,subtle:`#0B6A0B`},warning:{default:`#CA5010`,subtle:`#8E562E`},attention:{default:`#C50F1F`,subtle:`#A80000`}}}},Qe={maxActions:5,spacing:`Default`,buttonSpacing:12,showCard:{actionMode:`Inline`,inlineTopMargin:16,style:`Emphasis`},preExpandSingleShowCardAction:!1,actionsOrientation:`Horizontal`,actionAlignment:`Stretch`,iconSize:20,iconPlacement:`leftOfTitle`},$e={imageSize:`Medium`,maxImageHeight:100},et={title:{size:`Default`,color:`Default`,isSubtle:!1,weight:`Bolder`,wrap:!0,maxWidth:150},value:{size:`Default`,color:`Default`,isSubtle:!1,weight:`Default`,wrap:!0},spacing:12},tt={spacing:Ue,separator:We,imageSizes:Ge,fontTypes:Ke,textStyles:qe,textBlock:Je,fontSizes:Ye,fontWeights:Xe,containerStyles:Ze,actions:Qe,imageSet:$e,factSet:et}})),rt=n({actions:()=>pt,containerStyles:()=>ft,default:()=>gt,factSet:()=>ht,fontSizes:()=>ut,fontTypes:()=>st,fontWeights:()=>dt,imageSet:()=>mt,imageSizes:()=>ot,separator:()=>at,spacing:()=>it,textBlock:()=>lt,textStyles:()=>ct}),it,at,ot,st,ct,lt,ut,dt,ft,pt,mt,ht,gt,_t=c((()=>{it={small:4,default:8,medium:12,padding:16,large:20,extraLarge:32},at={lineThickness:1,lineColor:`#505050`},ot={small:32,medium:48,large:96},st={default:{fontFamily:`Segoe UI, Tahoma, Geneva, Verdana, sans-serif`,fontSizes:{small:12,default:14,medium:16,large:18,extraLarge:24},fontWeights:{lighter:200,default:400,bolder:600}},monospace:{fontFamily:`Courier New, Courier, monospace`,fontSizes:{small:12,default:14,medium:16,large:18,extraLarge:24},fontWeights:{lighter:200,default:400,bolder:600}}},ct={heading:{fontType:`default`,size:`large`,weight:`bolder`,color:`default`,isSubtle:!1}},lt={headingLevel:2},ut={small:12,default:14,medium:16,large:18,extraLarge:24},dt={lighter:200,default:400,bolder:600},ft={default:{borderColor:`#666666`,backgroundColor:`#222222`,foregroundColors:{default:{default:`#FFFFFF`,subtle:`#D2D2D2`},dark:{default:`#000000`,subtle:`#737373`},light:{default:`#FFFFFF`,subtle:`#D2D2D2`},accent:{default:`#82C7FF`,subtle:`#3AA0F3`},good:{default:`#92C353`,subtle:`#498205`},warning:{default:`#F8D22A`,subtle:`#C19C00`},attention:{default:`#D74553`,subtle:`#D13438`}}},emphasis:{borderColor:`#717171`,backgroundColor:`#2F2F2F`,foregroundColors:{default:{default:`#FFFFFF`,subtle:`#D2D2D2`},dark:{default:`#000000`,subtle:`#737373`},light:{default:`#FFFFFF`,subtle:`#D2D2D2`},accent:{default:`#82C7FF`,subtle:`#3AA0F3`},good:{default:`#92C353`,subtle:`#498205`},warning:{default:`#F8D22A`,subtle:`#C19C00`},attention:{default:`#D74553`,subtle:`#D13438`}}},accent:{borderColor:`#62A8F7`,backgroundColor:`#1B3345`,foregroundColors:{default:{default:`#FFFFFF`,subtle:`#D2D2D2`},dark:{default:`#000000`,subtle:`#737373`},light:{default:`#FFFFFF`,subtle:`#D2D2D2`},accent:{default:`#82C7FF`,subtle:`#3AA0F3`},good:{default:`#92C353`,subtle:`#498205`},warning:{default:`#F8D22A`,subtle:`#C19C00`},attention:{default:`#D74553`,subtle:`#D13438`}}},good:{borderColor:`#69E569`,backgroundColor:`#92C353`,foregroundColors:{default:{default:`#000000`,subtle:`#415725`},dark:{default:`#000000`,subtle:`#415725`},light:{default:`#FFFFFF`,subtle:`#EBF4E0`},accent:{default:`#82C7FF`,subtle:`#3AA0F3`},good:{default:`#92C353`,subtle:`#498205`},warning:{default:`#F8D22A`,subtle:`#C19C00`},attention:{default:`#D74553`,subtle:`#D13438`}}},attention:{borderColor:`#FF764C`,backgroundColor:`#D74553`,foregroundColors:{default:{default:`#000000`,subtle:`#601F25`},dark:{default:`#000000`,subtle:`#601F25`},light:{default:`#FFFFFF`,subtle:`#F7DEE0`},accent:{default:`#82C7FF`,subtle:`#3AA0F3`},good:{default:`#92C353`,subtle:`#498205`},warning:{default:`#F8D22A`,subtle:`#C19C00`},attention:{default:`#D74553`,subtle:`#D13438`}}},warning:{borderColor:`#FFBC51`,backgroundColor:`#F8D22A`,foregroundColors:{default:{default:`#000000`,subtle:`#6F5E12`},dark:{default:`#000000`,subtle:`#6F5E12`},light:{default:`#FFFFFF`,subtle:`#FDF7D9`},accent:{default:`#82C7FF`,subtle:`#3AA0F3`},good:{default:`#92C353`,subtle:`#498205`},warning:{default:`#F8D22A`,subtle:`#C19C00`},attention:{default:`#D74553`,subtle:`#D13438`}}}},pt={maxActions:5,spacing:`Default`,buttonSpacing:12,showCard:{actionMode:`Inline`,inlineTopMargin:16,style:`Emphasis`},preExpandSingleShowCardAction:!1,actionsOrientation:`Horizontal`,actionAlignment:`Stretch`,iconSize:20,iconPlacement:`leftOfTitle`},mt={imageSize:`Medium`,maxImageHeight:100},ht={title:{size:`Default`,color:`Default`,isSubtle:!1,weight:`Bolder`,warp:!0,maxWidth:150},value:{size:`Default`,color:`Default`,isSubtle:!1,weight:`Default`,wrap:!0},spacing:12},gt={spacing:it,separator:at,imageSizes:ot,fontTypes:st,textStyles:ct,textBlock:lt,fontSizes:ut,fontWeights:dt,containerStyles:ft,actions:pt,imageSet:mt,factSet:ht}})),vt=e(((e,t,n)=>{var r=n&&n.__extends||(function(){var e=function(t,n){return e=Object.setPrototypeOf||{__proto__:[]}instanceof Array&&function(e,t){e.__proto__=t}||function(e,t){for(var n in t)Object.prototype.hasOwnProperty.call(t,n)&&(e[n]=t[n])},e(t,n)};return function(t,n){if(typeof n!=`function`&&n!==null)throw TypeError(`Class extends value `+String(n)+` is not a constructor or null`);e(t,n);function r(){this.constructor=t}t.prototype=n===null?Object.create(n):(r.prototype=n.prototype,new r)}})();Object.defineProperty(e,"__esModule",{value:!0}),e.CortanaContainer=void 0;var i=(f(),s(m)),a=P(),o=(nt(),s(He).default),c=(_t(),s(rt).default);e.CortanaContainer=function(e){r(t,e);function t(){return e.call(this,`Cortana Skills`,`cortana-container`,o,c,`#F6F6F6`,`#201E1F`)||this}return t.prototype.renderTo=function(e){var t=document.createElement(`div`);t.appendChild(this.cardHost),e.appendChild(t)},Object.defineProperty(t.prototype,"targetVersion",{get:function(){return i.Versions.v1_2},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"enableDeviceEmulation",{get:function(){return!0},enumerable:!1,configurable:!0}),t}(a.MultiThemeHostContainer)})),yt=n({actions:()=>Dt,adaptiveCard:()=>Ot,containerStyles:()=>Tt,default:()=>jt,factSet:()=>At,fontTypes:()=>St,imageSet:()=>kt,imageSizes:()=>Et,separator:()=>xt,spacing:()=>bt,supportsInteractivity:()=>!0,textBlock:()=>wt,textStyles:()=>Ct}),bt,xt,St,Ct,wt,Tt,Et,Dt,Ot,kt,At,jt,Mt=c((()=>{bt={small:3,default:8,medium:20,large:30,extraLarge:40,padding:10},xt={lineThickness:1,lineColor:`#EEEEEE`},St={default:{fontFamily:`'Segoe UI', Tahoma, Geneva, Verdana, sans-serif`,fontSizes:{small:12,default:14,medium:17,large:21,extraLarge:26},fontWeights:{lighter:200,default:400,bolder:600}},monospace:{fontFamily:`'Courier New', Courier, monospace`,fontSizes:{small:12,default:14,medium:17,large:21,extraLarge:26},fontWeights:{lighter:200,default:400,bolder:600}}},Ct={heading:{fontType:`default`,size:`large`,weight:`bolder`,color:`default`,isSubtle:!1}},wt={headingLevel:2},Tt={default:{backgroundColor:`#1F1F1F`,foregroundColors:{default:{default:`#FFFFFF`,subtle:`#88FFFFFF`},accent:{default:`#2E89FC`,subtle:`#882E89FC`},attention:{default:`#FF0000`,subtle:`#DDFF0000`},good:{default:`#00FF00`,subtle:`#DD00FF00`},warning:{default:`#FFD800`,subtle:`#DDFFD800`}}},emphasis:{backgroundColor:`#19FFFFFF`,foregroundColors:{default:{default:`#FFFFFF`,subtle:`#88FFFFFF`},accent:{default:`#2E89FC`,subtle:`#882E89FC`},attention:{default:`#FFD800`,subtle:`#DDFFD800`},good:{default:`#00FF00`,subtle:`#DD00FF00`},warning:{default:`#FF0000`,subtle:`#DDFF0000`}}},accent:{backgroundColor:`#C7DEF9`,foregroundColors:{default:{default:`#333333`,subtle:`#EE333333`},dark:{default:`#000000`,subtle:`#66000000`},light:{default:`#FFFFFF`,subtle:`#33000000`},accent:{default:`#2E89FC`,subtle:`#882E89FC`},attention:{default:`#cc3300`,subtle:`#DDcc3300`},good:{default:`#028A02`,subtle:`#DD027502`},warning:{default:`#e69500`,subtle:`#DDe69500`}}},good:{backgroundColor:`#CCFFCC`,foregroundColors:{default:{default:`#333333`,subtle:`#EE333333`},dark:{default:`#000000`,subtle:`#66000000`},light:{default:`#FFFFFF`,subtle:`#33000000`},accent:{default:`#2E89FC`,subtle:`#882E89FC`},attention:{default:`#cc3300`,subtle:`#DDcc3300`},good:{default:`#028A02`,subtle:`#DD027502`},warning:{default:`#e69500`,subtle:`#DDe69500`}}},attention:{backgroundColor:`#FFC5B2`,foregroundColors:{default:{default:`#333333`,subtle:`#EE333333`},dark:{default:`#000000`,subtle:`#66000000`},light:{default:`#FFFFFF`,subtle:`#33000000`},accent:{default:`#2E89FC`,subtle:`#882E89FC`},attention:{default:`#cc3300`,subtle:`#DDcc3300`},good:{default:`#028A02`,subtle:`#DD027502`},warning:{default:`#e69500`,subtle:`#DDe69500`}}},warning:{backgroundColor:`#FFE2B2`,foregroundColors:{default:{default:`#333333`,subtle:`#EE333333`},dark:{default:`#000000`,subtle:`#66000000`},light:{default:`#FFFFFF`,subtle:`#33000000`},accent:{default:`#2E89FC`,subtle:`#882E89FC`},attention:{default:`#cc3300`,subtle:`#DDcc3300`},good:{default:`#028A02`,subtle:`#DD027502`},warning:{default:`#e69500`,subtle:`#DDe69500`}}}},Et={small:40,medium:80,large:160},Dt={maxActions:5,spacing:`default`,buttonSpacing:10,showCard:{actionMode:`inline`,inlineTopMargin:16},actionsOrientation:`horizontal`,actionAlignment:`stretch`},Ot={allowCustomStyle:!1},kt={imageSize:`medium`,maxImageHeight:100},At={title:{color:`default`,size:`default`,isSubtle:!1,weight:`bolder`,wrap:!0,maxWidth:150},value:{color:`default`,size:`default`,isSubtle:!1,weight:`default`,wrap:!0},spacing:10},jt={spacing:bt,separator:xt,supportsInteractivity:!0,fontTypes:St,textStyles:Ct,textBlock:wt,containerStyles:Tt,imageSizes:Et,actions:Dt,adaptiveCard:Ot,imageSet:kt,factSet:At}})),Nt=e(((e,t,n)=>{var r=n&&n.__extends||(function(){var e=function(t,n){return e=Object.setPrototypeOf||{__proto__:[]}instanceof Array&&function(e,t){e.__proto__=t}||function(e,t){for(var n in t)Object.prototype.hasOwnProperty.call(t,n)&&(e[n]=t[n])},e(t,n)};return function(t,n){if(typeof n!=`function`&&n!==null)throw TypeError(`Class extends value `+String(n)+` is not a constructor or null`);e(t,n);function r(){this.constructor=t}t.prototype=n===null?Object.create(n):(r.prototype=n.prototype,new r)}})();Object.defineProperty(e,"__esModule",{value:!0}),e.ToastContainer=void 0;var i=(f(),s(m)),a=M(),o=(Mt(),s(yt).default);e.ToastContainer=function(e){r(t,e);function t(){return e!==null&&e.apply(this,arguments)||this}return t.prototype.renderTo=function(e){this.cardHost.classList.add(`toast-card`);var t=document.createElement(`div`);t.className=`toast-frame`,t.appendChild(this.cardHost),e.appendChild(t)},t.prototype.getHostConfig=function(){return new i.HostConfig(o)},t}(a.SingleThemeHostContainer)})),Pt=n({actions:()=>Ht,adaptiveCard:()=>Ut,containerStyles:()=>Vt,default:()=>Kt,factSet:()=>Gt,fontTypes:()=>Rt,imageSet:()=>Wt,imageSizes:()=>Lt,preExpandSingleShowCardAction:()=>!0,separator:()=>It,spacing:()=>Ft,supportsInteractivity:()=>!0,textBlock:()=>Bt,textStyles:()=>zt}),Ft,It,Lt,Rt,zt,Bt,Vt,Ht,Ut,Wt,Gt,Kt,qt=c((()=>{Ft={small:10,default:20,medium:30,large:40,extraLarge:50,padding:20},It={lineThickness:1,lineColor:`#EEEEEE`},Lt={small:40,medium:80,large:160},Rt={default:{fontFamily:`'Segoe UI', Tahoma, Geneva, Verdana, sans-serif`,fontSizes:{small:12,default:14,medium:17,large:21,extraLarge:26},fontWeights:{lighter:200,default:400,bolder:600}},monospace:{fontFamily:`'Courier New', Courier, monospace`,fontSizes:{small:12,default:14,medium:17,large:21,extraLarge:26},fontWeights:{lighter:200,default:400,bolder:600}}},zt={heading:{fontType:`default`,size:`large`,weight:`bolder`,color:`default`,isSubtle:!1}},Bt={headingLevel:2},Vt={default:{borderColor:`#CCCCCC`,backgroundColor:`#FFFFFF`,foregroundColors:{default:{default:`#333333`,subtle:`#EE333333`},dark:{default:`#000000`,subtle:`#66000000`},light:{default:`#FFFFFF`,subtle:`#33000000`},accent:{default:`#2E89FC`,subtle:`#882E89FC`},attention:{default:`#cc3300`,subtle:`#DDcc3300`},good:{default:`#028A02`,subtle:`#DD027502`},warning:{default:`#e69500`,subtle:`#DDe69500`}}},emphasis:{borderColor:`#666666`,backgroundColor:`#08000000`,foregroundColors:{default:{default:`#333333`,subtle:`#EE333333`},dark:{default:`#000000`,subtle:`#66000000`},light:{default:`#FFFFFF`,subtle:`#33000000`},accent:{default:`#2E89FC`,subtle:`#882E89FC`},attention:{default:`#cc3300`,subtle:`#DDcc3300`},good:{default:`#028A02`,subtle:`#DD027502`},warning:{default:`#e69500`,subtle:`#DDe69500`}}},accent:{borderColor:`#62A8F7`,backgroundColor:`#C7DEF9`,foregroundColors:{default:{default:`#333333`,subtle:`#EE333333`},dark:{default:`#000000`,subtle:`#66000000`},light:{default:`#FFFFFF`,subtle:`#33000000`},accent:{default:`#2E89FC`,subtle:`#882E89FC`},attention:{default:`#cc3300`,subtle:`#DDcc3300`},good:{default:`#028A02`,subtle:`#DD027502`},warning:{default:`#e69500`,subtle:`#DDe69500`}}},good:{borderColor:`#69E569`,backgroundColor:`#CCFFCC`,foregroundColors:{default:{default:`#333333`,subtle:`#EE333333`},dark:{default:`#000000`,subtle:`#66000000`},light:{default:`#FFFFFF`,subtle:`#33000000`},accent:{default:`#2E89FC`,subtle:`#882E89FC`},attention:{default:`#cc3300`,subtle:`#DDcc3300`},good:{default:`#028A02`,subtle:`#DD027502`},warning:{default:`#e69500`,subtle:`#DDe69500`}}},attention:{borderColor:`#FF764C`,backgroundColor:`#FFC5B2`,foregroundColors:{default:{default:`#333333`,subtle:`#EE333333`},dark:{default:`#000000`,subtle:`#66000000`},light:{default:`#FFFFFF`,subtle:`#33000000`},accent:{default:`#2E89FC`,subtle:`#882E89FC`},attention:{default:`#cc3300`,subtle:`#DDcc3300`},good:{default:`#028A02`,subtle:`#DD027502`},warning:{default:`#e69500`,subtle:`#DDe69500`}}},warning:{borderColor:`#FFBC51`,backgroundColor:`#FFE2B2`,foregroundColors:{default:{default:`#333333`,subtle:`#EE333333`},dark:{default:`#000000`,subtle:`#66000000`},light:{default:`#FFFFFF`,subtle:`#33000000`},accent:{default:`#2E89FC`,subtle:`#882E89FC`},attention:{default:`#cc3300`,subtle:`#DDcc3300`},good:{default:`#028A02`,subtle:`#DD027502`},warning:{default:`#e69500`,subtle:`#DDe69500`}}}},Ht={maxActions:5,spacing:`default`,buttonSpacing:10,showCard:{actionMode:`inline`,inlineTopMargin:16},actionsOrientation:`horizontal`,actionAlignment:`left`},Ut={allowCustomStyle:!0},Wt={imageSize:`medium`,maxImageHeight:100},Gt={title:{color:`default`,size:`default`,isSubtle:!1,weight:`bolder`,wrap:!0,maxWidth:150},value:{color:`default`,size:`default`,isSubtle:!1,weight:`default`,wrap:!0},spacing:10},Kt={preExpandSingleShowCardAction:!0,supportsInteractivity:!0,spacing:Ft,separator:It,imageSizes:Lt,fontTypes:Rt,textStyles:zt,textBlock:Bt,containerStyles:Vt,actions:Ht,adaptiveCard:Ut,imageSet:Wt,factSet:Gt}})),Jt=e(((e,t,n)=>{var r=n&&n.__extends||(function(){var e=function(t,n){return e=Object.setPrototypeOf||{__proto__:[]}instanceof Array&&function(e,t){e.__proto__=t}||function(e,t){for(var n in t)Object.prototype.hasOwnProperty.call(t,n)&&(e[n]=t[n])},e(t,n)};return function(t,n){if(typeof n!=`function`&&n!==null)throw TypeError(`Class extends value `+String(n)+` is not a constructor or null`);e(t,n);function r(){this.constructor=t}t.prototype=n===null?Object.create(n):(r.prototype=n.prototype,new r)}})();Object.defineProperty(e,"__esModule",{value:!0}),e.OutlookContainer=void 0;var i=(f(),s(m)),a=M(),o=(qt(),s(Pt).default);e.OutlookContainer=function(e){r(t,e);function t(t,n){var r=e.call(this,t,n)||this;return r.actionsRegistry.unregister(`Action.Submit`),r.actionsRegistry.register(`Action.Http`,i.HttpAction),r}return t.prototype.renderTo=function(e){this.cardHost.classList.add(`outlook-frame`),e.appendChild(this.cardHost)},t.prototype.initialize=function(){e.prototype.initialize.call(this),i.GlobalSettings.useMarkdownInRadioButtonAndCheckbox=!1},t.prototype.parsePadding=function(e){if(e){if(typeof e==`string`){var t=i.parseEnum(i.Spacing,e,i.Spacing.None);return new i.PaddingDefinition(t,t,t,t)}if(typeof e==`object`)return new i.PaddingDefinition(i.parseEnum(i.Spacing,e.top,i.Spacing.None),i.parseEnum(i.Spacing,e.right,i.Spacing.None),i.parseEnum(i.Spacing,e.bottom,i.Spacing.None),i.parseEnum(i.Spacing,e.left,i.Spacing.None))}return null},t.prototype.parseElement=function(e,t,n){if(e instanceof i.Container&&typeof t.rtl==`boolean`&&(e.rtl=t.rtl),e instanceof i.AdaptiveCard){var r=e,a=[];if(r.resources={actions:a},typeof t.resources==`object`)for(var o=t.resources.actions,s=0;s<o.length;s++){var c=this.actionsRegistry.createInstance(o[s].type,n.targetVersion);c&&(c.parse(o[s],n),c.setParent(r),a.push(c))}}if(e instanceof i.Image&&(e.backgroundColor=t.backgroundColor),e instanceof i.Container){var l=this.parsePadding(t.padding);l&&(e.padding=l)}if(e instanceof i.ColumnSet){var l=this.parsePadding(t.padding);l&&(e.padding=l)}},t.prototype.anchorClicked=function(e,t){var n=/^action:([a-z0-9]+)$/gi,r=e.getRootElement(),i=n.exec(t.href);if(i){var a=i[1];if(r){for(var o=r.resources.actions,s=0;s<o.length;s++)if(o[s].id==a)return o[s].execute(),!0}}return!1},t.prototype.getHostConfig=function(){return new i.HostConfig(o)},Object.defineProperty(t.prototype,"targetVersion",{get:function(){return i.Versions.v1_4},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"enableDeviceEmulation",{get:function(){return!0},enumerable:!1,configurable:!0}),t}(a.SingleThemeHostContainer)})),Yt=n({actions:()=>rn,adaptiveCard:()=>an,containerStyles:()=>tn,default:()=>cn,factSet:()=>sn,fontTypes:()=>Qt,imageSet:()=>on,imageSizes:()=>nn,separator:()=>Zt,spacing:()=>Xt,supportsInteractivity:()=>!0,textBlock:()=>en,textStyles:()=>$t}),Xt,Zt,Qt,$t,en,tn,nn,rn,an,on,sn,cn,ln=c((()=>{Xt={small:3,default:8,medium:20,large:30,extraLarge:40,padding:10},Zt={lineThickness:1,lineColor:`#EEEEEE`},Qt={default:{fontFamily:`'Segoe UI', Tahoma, Geneva, Verdana, sans-serif`,fontSizes:{small:12,default:14,medium:17,large:21,extraLarge:26},fontWeights:{lighter:200,default:400,bolder:600}},monospace:{fontFamily:`'Courier New', Courier, monospace`,fontSizes:{small:12,default:14,medium:17,large:21,extraLarge:26},fontWeights:{lighter:200,default:400,bolder:600}}},$t={heading:{fontType:`default`,size:`large`,weight:`bolder`,color:`default`,isSubtle:!1}},en={headingLevel:2},tn={default:{backgroundColor:`#EAEAEA`,foregroundColors:{default:{default:`#333333`,subtle:`#EE333333`},accent:{default:`#2E89FC`,subtle:`#882E89FC`},attention:{default:`#FF0000`,subtle:`#DDFF0000`},good:{default:`#028A02`,subtle:`#DD027502`},warning:{default:`#B75C00`,subtle:`#DDB75C00`}}},emphasis:{backgroundColor:`#08000000`,foregroundColors:{default:{default:`#333333`,subtle:`#EE333333`},accent:{default:`#2E89FC`,subtle:`#882E89FC`},attention:{default:`#FF0000`,subtle:`#DDFF0000`},good:{default:`#028A02`,subtle:`#DD027502`},warning:{default:`#B75C00`,subtle:`#DDB75C00`}}},accent:{backgroundColor:`#C7DEF9`,foregroundColors:{default:{default:`#333333`,subtle:`#EE333333`},dark:{default:`#000000`,subtle:`#66000000`},light:{default:`#FFFFFF`,subtle:`#33000000`},accent:{default:`#2E89FC`,subtle:`#882E89FC`},attention:{default:`#cc3300`,subtle:`#DDcc3300`},good:{default:`#028A02`,subtle:`#DD027502`},warning:{default:`#e69500`,subtle:`#DDe69500`}}},good:{backgroundColor:`#CCFFCC`,foregroundColors:{default:{default:`#333333`,subtle:`#EE333333`},dark:{default:`#000000`,subtle:`#66000000`},light:{default:`#FFFFFF`,subtle:`#33000000`},accent:{default:`#2E89FC`,subtle:`#882E89FC`},attention:{default:`#cc3300`,subtle:`#DDcc3300`},good:{default:`#028A02`,subtle:`#DD027502`},warning:{default:`#e69500`,subtle:`#DDe69500`}}},attention:{backgroundColor:`#FFC5B2`,foregroundColors:{default:{default:`#333333`,subtle:`#EE333333`},dark:{default:`#000000`,subtle:`#66000000`},light:{default:`#FFFFFF`,subtle:`#33000000`},accent:{default:`#2E89FC`,subtle:`#882E89FC`},attention:{default:`#cc3300`,subtle:`#DDcc3300`},good:{default:`#028A02`,subtle:`#DD027502`},warning:{default:`#e69500`,subtle:`#DDe69500`}}},warning:{backgroundColor:`#FFE2B2`,foregroundColors:{default:{default:`#333333`,subtle:`#EE333333`},dark:{default:`#000000`,subtle:`#66000000`},light:{default:`#FFFFFF`,subtle:`#33000000`},accent:{default:`#2E89FC`,subtle:`#882E89FC`},attention:{default:`#cc3300`,subtle:`#DDcc3300`},good:{default:`#028A02`,subtle:`#DD027502`},warning:{default:`#e69500`,subtle:`#DDe69500`}}}},nn={small:40,medium:80,large:160},rn={maxActions:5,spacing:`default`,buttonSpacing:10,showCard:{actionMode:`popup`,inlineTopMargin:16},actionsOrientation:`vertical`,actionAlignment:`stretch`},an={allowCustomStyle:!1},on={imageSize:`medium`,maxImageHeight:100},sn={title:{color:`default`,size:`default`,isSubtle:!1,weight:`bolder`,wrap:!0,maxWidth:150},value:{color:`default`,size:`default`,isSubtle:!1,weight:`default`,wrap:!0},spacing:5},cn={spacing:Xt,separator:Zt,supportsInteractivity:!0,fontTypes:Qt,textStyles:$t,textBlock:en,containerStyles:tn,imageSizes:nn,actions:rn,adaptiveCard:an,imageSet:on,factSet:sn}})),un=e(((e,t,n)=>{var r=n&&n.__extends||(function(){var e=function(t,n){return e=Object.setPrototypeOf||{__proto__:[]}instanceof Array&&function(e,t){e.__proto__=t}||function(e,t){for(var n in t)Object.prototype.hasOwnProperty.call(t,n)&&(e[n]=t[n])},e(t,n)};return function(t,n){if(typeof n!=`function`&&n!==null)throw TypeError(`Class extends value `+String(n)+` is not a constructor or null`);e(t,n);function r(){this.constructor=t}t.prototype=n===null?Object.create(n):(r.prototype=n.prototype,new r)}})();Object.defineProperty(e,"__esModule",{value:!0}),e.SkypeContainer=void 0;var i=(f(),s(m)),a=M(),o=(ln(),s(Yt).default);e.SkypeContainer=function(e){r(t,e);function t(){return e!==null&&e.apply(this,arguments)||this}return t.prototype.renderTo=function(e){this.cardHost.classList.add(`skype-card`);var t=document.createElement(`div`);t.className=`skype-frame`;var n=document.createElement(`div`);n.className=`skype-hexagon-outer`;var r=document.createElement(`div`);r.className=`skype-hexagon-inner`;var i=document.createElement(`div`);i.className=`skype-bot-logo`,n.appendChild(r),r.appendChild(i),t.appendChild(n),t.appendChild(this.cardHost),e.appendChild(t)},t.prototype.getHostConfig=function(){return new i.HostConfig(o)},t}(a.SingleThemeHostContainer)})),dn=n({actions:()=>yn,adaptiveCard:()=>bn,choiceSetInputValueSeparator:()=>`,`,containerStyles:()=>vn,default:()=>Cn,factSet:()=>Sn,fontTypes:()=>hn,imageSet:()=>xn,imageSizes:()=>mn,separator:()=>pn,spacing:()=>fn,supportsInteractivity:()=>!0,textBlock:()=>_n,textStyles:()=>gn}),fn,pn,mn,hn,gn,_n,vn,yn,bn,xn,Sn,Cn,wn=c((()=>{fn={small:8,default:12,medium:16,large:20,extraLarge:24,padding:16},pn={lineThickness:1,lineColor:`#EEEEEE`},mn={small:32,medium:52,large:100},hn={default:{fontFamily:`'Segoe UI', Tahoma, Geneva, Verdana, sans-serif`,fontSizes:{small:12,default:14,medium:14,large:18,extraLarge:24},fontWeights:{lighter:200,default:400,bolder:600}},monospace:{fontFamily:`'Courier New', Courier, monospace`,fontSizes:{small:12,default:14,medium:14,large:18,extraLarge:24},fontWeights:{lighter:200,default:400,bolder:600}}},gn={heading:{fontType:`default`,size:`large`,weight:`bolder`,color:`default`,isSubtle:!1}},_n={headingLevel:2},vn={default:{foregroundColors:{default:{default:`#ff252424`,subtle:`#bf252424`},dark:{default:`#252424`,subtle:`#bf252424`},light:{default:`#ffffff`,subtle:`#fff3f2f1`},accent:{default:`#6264a7`,subtle:`#8b8cc7`},good:{default:`#92c353`,subtle:`#e592c353`},warning:{default:`#f8d22a`,subtle:`#e5f8d22a`},attention:{default:`#c4314b`,subtle:`#e5c4314b`}},borderColor:`#CCCCCC`,backgroundColor:`#ffffff`},emphasis:{foregroundColors:{default:{default:`#ff252424`,subtle:`#bf252424`},dark:{default:`#252424`,subtle:`#bf252424`},light:{default:`#ffffff`,subtle:`#fff3f2f1`},accent:{default:`#6264a7`,subtle:`#8b8cc7`},good:{default:`#92c353`,subtle:`#e592c353`},warning:{default:`#f8d22a`,subtle:`#e5f8d22a`},attention:{default:`#c4314b`,subtle:`#e5c4314b`}},borderColor:`#666666`,backgroundColor:`#fff9f8f7`},accent:{borderColor:`#62A8F7`,backgroundColor:`#C7DEF9`,foregroundColors:{default:{default:`#ff252424`,subtle:`#bf252424`},dark:{default:`#252424`,subtle:`#bf252424`},light:{default:`#ffffff`,subtle:`#fff3f2f1`},accent:{default:`#6264a7`,subtle:`#8b8cc7`},good:{default:`#92c353`,subtle:`#e592c353`},warning:{default:`#f8d22a`,subtle:`#e5f8d22a`},attention:{default:`#c4314b`,subtle:`#e5c4314b`}}},good:{borderColor:`#69E569`,backgroundColor:`#CCFFCC`,foregroundColors:{default:{default:`#ff252424`,subtle:`#bf252424`},dark:{default:`#252424`,subtle:`#bf252424`},light:{default:`#ffffff`,subtle:`#fff3f2f1`},accent:{default:`#6264a7`,subtle:`#8b8cc7`},good:{default:`#92c353`,subtle:`#e592c353`},warning:{default:`#f8d22a`,subtle:`#e5f8d22a`},attention:{default:`#c4314b`,subtle:`#e5c4314b`}}},attention:{borderColor:`#FF764C`,backgroundColor:`#FFC5B2`,foregroundColors:{default:{default:`#ff252424`,subtle:`#bf252424`},dark:{default:`#252424`,subtle:`#bf252424`},light:{default:`#ffffff`,subtle:`#fff3f2f1`},accent:{default:`#6264a7`,subtle:`#8b8cc7`},good:{default:`#92c353`,subtle:`#e592c353`},warning:{default:`#f8d22a`,subtle:`#e5f8d22a`},attention:{default:`#c4314b`,subtle:`#e5c4314b`}}},warning:{borderColor:`#FFBC51`,backgroundColor:`#FFE2B2`,foregroundColors:{default:{default:`#ff252424`,subtle:`#bf252424`},dark:{default:`#252424`,subtle:`#bf252424`},light:{default:`#ffffff`,subtle:`#fff3f2f1`},accent:{default:`#6264a7`,subtle:`#8b8cc7`},good:{default:`#92c353`,subtle:`#e592c353`},warning:{default:`#f8d22a`,subtle:`#e5f8d22a`},attention:{default:`#c4314b`,subtle:`#e5c4314b`}}}},yn={maxActions:6,spacing:`Default`,buttonSpacing:8,showCard:{actionMode:`Inline`,inlineTopMargin:16,style:`emphasis`},preExpandSingleShowCardAction:!1,actionsOrientation:`Horizontal`,actionAlignment:`Left`},bn={allowCustomStyle:!1},xn={imageSize:`Medium`,maxImageHeight:100},Sn={title:{size:`Default`,color:`Default`,isSubtle:!1,weight:`Bolder`,warp:!0},value:{size:`Default`,color:`Default`,isSubtle:!1,weight:`Default`,warp:!0},spacing:16},Cn={choiceSetInputValueSeparator:`,`,supportsInteractivity:!0,spacing:fn,separator:pn,imageSizes:mn,fontTypes:hn,textStyles:gn,textBlock:_n,containerStyles:vn,actions:yn,adaptiveCard:bn,imageSet:xn,factSet:Sn}})),Tn=n({actions:()=>Nn,adaptiveCard:()=>Pn,choiceSetInputValueSeparator:()=>`,`,containerStyles:()=>Mn,default:()=>Ln,factSet:()=>In,fontTypes:()=>On,imageSet:()=>Fn,imageSizes:()=>jn,separator:()=>Dn,spacing:()=>En,supportsInteractivity:()=>!0,textBlock:()=>An,textStyles:()=>kn}),En,Dn,On,kn,An,jn,Mn,Nn,Pn,Fn,In,Ln,Rn=c((()=>{En={small:8,default:12,medium:16,large:20,extraLarge:24,padding:16},Dn={lineThickness:1,lineColor:`#EEEEEE`},On={default:{fontFamily:`'Segoe UI', Tahoma, Geneva, Verdana, sans-serif`,fontSizes:{small:12,default:14,medium:14,large:18,extraLarge:24},fontWeights:{lighter:200,default:400,bolder:600}},monospace:{fontFamily:`'Courier New', Courier, monospace`,fontSizes:{small:12,default:14,medium:14,large:18,extraLarge:24},fontWeights:{lighter:200,default:400,bolder:600}}},kn={heading:{fontType:`default`,size:`large`,weight:`bolder`,color:`default`,isSubtle:!1}},An={headingLevel:2},jn={small:32,medium:52,large:100},Mn={default:{foregroundColors:{default:{default:`#ffffffff`,subtle:`#bfffffff`},dark:{default:`#ff201f1f`,subtle:`#ff2d2c2c`},light:{default:`#ffffffff`,subtle:`#bfffffff`},accent:{default:`#ffa6a7dc`,subtle:`#ff8b8cc7`},good:{default:`#ff92c353`,subtle:`#e592c353`},warning:{default:`#fff8d22a`,subtle:`#e5f8d22a`},attention:{default:`#ffd74654`,subtle:`#e5d74654`}},borderColor:`#CCCCCC`,backgroundColor:`#ff2d2c2c`},emphasis:{foregroundColors:{default:{default:`#ffffffff`,subtle:`#bfffffff`},dark:{default:`#ff201f1f`,subtle:`#ff2d2c2c`},light:{default:`#ffffffff`,subtle:`#bfffffff`},accent:{default:`#ffa6a7dc`,subtle:`#ff8b8cc7`},good:{default:`#ff92c353`,subtle:`#e592c353`},warning:{default:`#fff8d22a`,subtle:`#e5f8d22a`},attention:{default:`#ffd74654`,subtle:`#e5d74654`}},borderColor:`#666666`,backgroundColor:`#ff292828`},accent:{borderColor:`#62A8F7`,backgroundColor:`#C7DEF9`,foregroundColors:{default:{default:`#ff201f1f`,subtle:`#ff2d2c2c`},dark:{default:`#ff201f1f`,subtle:`#ff2d2c2c`},light:{default:`#ffffffff`,subtle:`#bfffffff`},accent:{default:`#ffa6a7dc`,subtle:`#ff8b8cc7`},good:{default:`#ff92c353`,subtle:`#e592c353`},warning:{default:`#fff8d22a`,subtle:`#e5f8d22a`},attention:{default:`#ffd74654`,subtle:`#e5d74654`}}},good:{borderColor:`#69E569`,backgroundColor:`#CCFFCC`,foregroundColors:{default:{default:`#ff201f1f`,subtle:`#ff2d2c2c`},dark:{default:`#ff201f1f`,subtle:`#ff2d2c2c`},light:{default:`#ffffffff`,subtle:`#bfffffff`},accent:{default:`#ffa6a7dc`,subtle:`#ff8b8cc7`},good:{default:`#ff92c353`,subtle:`#e592c353`},warning:{default:`#fff8d22a`,subtle:`#e5f8d22a`},attention:{default:`#ffd74654`,subtle:`#e5d74654`}}},attention:{borderColor:`#FF764C`,backgroundColor:`#FFC5B2`,foregroundColors:{default:{default:`#ff201f1f`,subtle:`#ff2d2c2c`},dark:{default:`#ff201f1f`,subtle:`#ff2d2c2c`},light:{default:`#ffffffff`,subtle:`#bfffffff`},accent:{default:`#ffa6a7dc`,subtle:`#ff8b8cc7`},good:{default:`#ff92c353`,subtle:`#e592c353`},warning:{default:`#fff8d22a`,subtle:`#e5f8d22a`},attention:{default:`#ffd74654`,subtle:`#e5d74654`}}},warning:{borderColor:`#FFBC51`,backgroundColor:`#FFE2B2`,foregroundColors:{default:{default:`#ff201f1f`,subtle:`#ff2d2c2c`},dark:{default:`#ff201f1f`,subtle:`#ff2d2c2c`},light:{default:`#ffffffff`,subtle:`#bfffffff`},accent:{default:`#ffa6a7dc`,subtle:`#ff8b8cc7`},good:{default:`#ff92c353`,subtle:`#e592c353`},warning:{default:`#fff8d22a`,subtle:`#e5f8d22a`},attention:{default:`#ffd74654`,subtle:`#e5d74654`}}}},Nn={maxActions:6,spacing:`Default`,buttonSpacing:8,showCard:{actionMode:`Inline`,inlineTopMargin:16,style:`emphasis`},preExpandSingleShowCardAction:!1,actionsOrientation:`Horizontal`,actionAlignment:`Left`},Pn={allowCustomStyle:!1},Fn={imageSize:`Medium`,maxImageHeight:100},In={title:{size:`Default`,color:`Default`,isSubtle:!1,weight:`Bolder`,warp:!0},value:{size:`Default`,color:`Default`,isSubtle:!1,weight:`Default`,warp:!0},spacing:16},Ln={choiceSetInputValueSeparator:`,`,supportsInteractivity:!0,spacing:En,separator:Dn,fontTypes:On,textStyles:kn,textBlock:An,imageSizes:jn,containerStyles:Mn,actions:Nn,adaptiveCard:Pn,imageSet:Fn,factSet:In}})),zn=e(((e,t,n)=>{var r=n&&n.__extends||(function(){var e=function(t,n){return e=Object.setPrototypeOf||{__proto__:[]}instanceof Array&&function(e,t){e.__proto__=t}||function(e,t){for(var n in t)Object.prototype.hasOwnProperty.call(t,n)&&(e[n]=t[n])},e(t,n)};return function(t,n){if(typeof n!=`function`&&n!==null)throw TypeError(`Class extends value `+String(n)+` is not a constructor or null`);e(t,n);function r(){this.constructor=t}t.prototype=n===null?Object.create(n):(r.prototype=n.prototype,new r)}})();Object.defineProperty(e,"__esModule",{value:!0}),e.TeamsContainer=void 0;var i=(f(),s(m)),a=P(),o=(wn(),s(dn).default),c=(Rn(),s(Tn).default);e.TeamsContainer=function(e){r(t,e);function t(){return e.call(this,`Microsoft Teams`,`teams-container`,o,c,`#F6F6F6`,`#201E1F`)||this}return t.prototype.renderTo=function(e){var t=document.createElement(`div`);t.className=`teams-frame`;var n=document.createElement(`div`);n.className=`teams-hexagon-outer`;var r=document.createElement(`div`);r.className=`teams-hexagon-inner`;var i=document.createElement(`div`);i.className=`teams-bot-logo`,n.appendChild(r),r.appendChild(i),t.appendChild(n);var a=document.createElement(`div`);a.className=`teams-inner-frame`,this.cardHost.classList.add(`teams-card`);var o=document.createElement(`div`);o.className=`teams-botNameAndTime`,o.innerText=`Test Bot    2:36 PM`,a.appendChild(o),a.appendChild(this.cardHost),t.appendChild(a),e.appendChild(t)},Object.defineProperty(t.prototype,"targetVersion",{get:function(){return i.Versions.v1_5},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"enableDeviceEmulation",{get:function(){return!0},enumerable:!1,configurable:!0}),t}(a.MultiThemeHostContainer)})),Bn=n({containerStyles:()=>Kn,default:()=>Xn,factSet:()=>Yn,fontTypes:()=>Un,imageSet:()=>Jn,imageSizes:()=>qn,separator:()=>Hn,spacing:()=>Vn,supportsInteractivity:()=>!1,textBlock:()=>Gn,textStyles:()=>Wn}),Vn,Hn,Un,Wn,Gn,Kn,qn,Jn,Yn,Xn,Zn=c((()=>{Vn={small:4,default:12,medium:20,large:30,extraLarge:40,padding:15},Hn={lineThickness:1,lineColor:`#EEEEEE`},Un={default:{fontFamily:`Segoe UI, Helvetica Neue, Helvetica, sans-serif`,fontSizes:{small:12,default:14,medium:20,large:20,extraLarge:26},fontWeights:{lighter:200,default:400,bolder:700}},monospace:{fontFamily:`Segoe UI Mono`,fontSizes:{small:12,default:14,medium:20,large:20,extraLarge:26},fontWeights:{lighter:200,default:400,bolder:700}}},Wn={heading:{fontType:`default`,size:`large`,weight:`bolder`,color:`default`,isSubtle:!1}},Gn={headingLevel:2},Kn={default:{backgroundColor:`#FF535454`,foregroundColors:{default:{default:`#FFFFFFFF`,subtle:`#FF9C9E9F`},accent:{default:`#FF2E89FC`,subtle:`#882E89FC`},attention:{default:`#FFFF0000`,subtle:`#DDFF0000`},good:{default:`#FF00FF00`,subtle:`#DD00FF00`},warning:{default:`#FFFFD800`,subtle:`#DDFFD800`}}},emphasis:{backgroundColor:`#33000000`,foregroundColors:{default:{default:`#FFFFFFFF`,subtle:`#FF9C9E9F`},accent:{default:`#FF2E89FC`,subtle:`#882E89FC`},attention:{default:`#FFFF0000`,subtle:`#DDFF0000`},good:{default:`#FF00FF00`,subtle:`#DD00FF00`},warning:{default:`#FFFFD800`,subtle:`#DDFFD800`}}},accent:{backgroundColor:`#882E89FC`,foregroundColors:{default:{default:`#FFFFFFFF`,subtle:`#FF9C9E9F`},accent:{default:`#FF2E89FC`,subtle:`#882E89FC`},attention:{default:`#FFFF0000`,subtle:`#DDFF0000`},good:{default:`#FF00FF00`,subtle:`#DD00FF00`},warning:{default:`#FFFFD800`,subtle:`#DDFFD800`}}},attention:{backgroundColor:`#DDFF0000`,foregroundColors:{default:{default:`#FFFFFFFF`,subtle:`#FF9C9E9F`},accent:{default:`#FF2E89FC`,subtle:`#882E89FC`},attention:{default:`#FFFF0000`,subtle:`#DDFF0000`},good:{default:`#FF00FF00`,subtle:`#DD00FF00`},warning:{default:`#FFFFD800`,subtle:`#DDFFD800`}}},good:{backgroundColor:`#DD00FF00`,foregroundColors:{default:{default:`#FFFFFFFF`,subtle:`#FF9C9E9F`},accent:{default:`#FF2E89FC`,subtle:`#882E89FC`},attention:{default:`#FFFF0000`,subtle:`#DDFF0000`},good:{default:`#FF00FF00`,subtle:`#DD00FF00`},warning:{default:`#FFFFD800`,subtle:`#DDFFD800`}}},warning:{backgroundColor:`#DDFFD800`,foregroundColors:{default:{default:`#FFFFFFFF`,subtle:`#FF9C9E9F`},accent:{default:`#FF2E89FC`,subtle:`#882E89FC`},attention:{default:`#FFFF0000`,subtle:`#DDFF0000`},good:{default:`#FF00FF00`,subtle:`#DD00FF00`},warning:{default:`#FFFFD800`,subtle:`#DDFFD800`}}}},qn={small:40,medium:80,large:120},Jn={imageSize:`medium`,maxImageHeight:100},Yn={title:{color:`default`,size:`default`,isSubtle:!1,weight:`bolder`,wrap:!1,maxWidth:150},value:{color:`default`,size:`default`,isSubtle:!1,weight:`default`,wrap:!0},spacing:10},Xn={spacing:Vn,separator:Hn,supportsInteractivity:!1,fontTypes:Un,textStyles:Wn,textBlock:Gn,containerStyles:Kn,imageSizes:qn,imageSet:Jn,factSet:Yn}})),Qn=e(((e,t,n)=>{var r=n&&n.__extends||(function(){var e=function(t,n){return e=Object.setPrototypeOf||{__proto__:[]}instanceof Array&&function(e,t){e.__proto__=t}||function(e,t){for(var n in t)Object.prototype.hasOwnProperty.call(t,n)&&(e[n]=t[n])},e(t,n)};return function(t,n){if(typeof n!=`function`&&n!==null)throw TypeError(`Class extends value `+String(n)+` is not a constructor or null`);e(t,n);function r(){this.constructor=t}t.prototype=n===null?Object.create(n):(r.prototype=n.prototype,new r)}})();Object.defineProperty(e,"__esModule",{value:!0}),e.TimelineContainer=void 0;var i=(f(),s(m)),a=M(),o=(Zn(),s(Bn).default);e.TimelineContainer=function(e){r(t,e);function t(){return e!==null&&e.apply(this,arguments)||this}return t.prototype.initialize=function(){e.prototype.initialize.call(this),i.GlobalSettings.useMarkdownInRadioButtonAndCheckbox=!0,i.GlobalSettings.useAdvancedCardBottomTruncation=!0,i.GlobalSettings.useAdvancedTextBlockTruncation=!0},t.prototype.renderTo=function(e){var t=document.getElementById(`designerHost`),n=document.createElement(`div`);n.className=`timeline-frame`,t.appendChild(n);var r=document.createElement(`div`);r.className=`timeline-card`,n.appendChild(r),this.cardHost.style.height=`100%`,this.cardHost.style.width=`100%`,this.cardHost.style.overflow=`hidden`,r.appendChild(this.cardHost),e.appendChild(n)},t.prototype.getHostConfig=function(){return new i.HostConfig(o)},Object.defineProperty(t.prototype,"isFixedHeight",{get:function(){return!0},enumerable:!1,configurable:!0}),t}(a.SingleThemeHostContainer)})),$n=n({actions:()=>sr,adaptiveCard:()=>cr,containerStyles:()=>ar,default:()=>dr,factSet:()=>ur,fontTypes:()=>nr,imageSet:()=>lr,imageSizes:()=>or,separator:()=>tr,spacing:()=>er,supportsInteractivity:()=>!0,textBlock:()=>ir,textStyles:()=>rr}),er,tr,nr,rr,ir,ar,or,sr,cr,lr,ur,dr,fr=c((()=>{er={small:3,default:8,medium:20,large:30,extraLarge:40,padding:10},tr={lineThickness:1,lineColor:`#EEEEEE`},nr={default:{fontFamily:`Calibri, sans-serif`,fontSizes:{small:12,default:14,medium:17,large:21,extraLarge:26},fontWeights:{lighter:200,default:400,bolder:600}},monospace:{fontFamily:`'Courier New', Courier, monospace`,fontSizes:{small:12,default:14,medium:17,large:21,extraLarge:26},fontWeights:{lighter:200,default:400,bolder:600}}},rr={heading:{fontType:`default`,size:`large`,weight:`bolder`,color:`default`,isSubtle:!1}},ir={headingLevel:2},ar={default:{borderColor:`#CCCCCC`,backgroundColor:`#FFFFFF`,foregroundColors:{default:{default:`#000000`,subtle:`#6f6f6f`},accent:{default:`#0063B1`,subtle:`#0063B1`},attention:{default:`#EC130E`,subtle:`#DDEC130E`},good:{default:`#028A02`,subtle:`#DD028A02`},light:{default:`#646464`,subtle:`#767676`},warning:{default:`#B75C00`,subtle:`#DDB75C00`}}},emphasis:{borderColor:`#666666`,backgroundColor:`#F9F9F9`,foregroundColors:{default:{default:`#000000`,subtle:`#6f6f6f`},accent:{default:`#1F6BF1`,subtle:`#881F6BF1`},attention:{default:`#E31B13`,subtle:`#DDE31B13`},good:{default:`#0D860A`,subtle:`#DD0D860A`},warning:{default:`#BD5400`,subtle:`#DDBD5400`},light:{default:`#737373`,subtle:`#DD737373`}}},accent:{borderColor:`#62A8F7`,backgroundColor:`#D7E7FA`,foregroundColors:{default:{default:`#333333`,subtle:`#EE333333`},dark:{default:`#000000`,subtle:`#66000000`},light:{default:`#646464`,subtle:`#33646464`},accent:{default:`#145FDD`,subtle:`#88145FDD`},attention:{default:`#C42C07`,subtle:`#DDC42C07`},good:{default:`#0B7814`,subtle:`#DD0B7814`},warning:{default:`#935A10`,subtle:`#DD935A10`}}},good:{borderColor:`#69E569`,backgroundColor:`#CCFFCC`,foregroundColors:{default:{default:`#333333`,subtle:`#EE333333`},dark:{default:`#000000`,subtle:`#66000000`},light:{default:`#6E6E6E`,subtle:`#336E6E6E`},accent:{default:`#2168E4`,subtle:`#882168E4`},attention:{default:`#CC3300`,subtle:`#DDCC3300`},good:{default:`#0F8109`,subtle:`#DD0F8109`},warning:{default:`#9A630D`,subtle:`#DD9A630D`}}},attention:{borderColor:`#FF764C`,backgroundColor:`#FFC5B2`,foregroundColors:{default:{default:`#333333`,subtle:`#EE333333`},dark:{default:`#000000`,subtle:`#66000000`},light:{default:`#5A5A5A`,subtle:`#335A5A5A`},accent:{default:`#0854C5`,subtle:`#880854C5`},attention:{default:`#A92E0E`,subtle:`#DDA92E0E`},good:{default:`#256824`,subtle:`#DD256824`},warning:{default:`#775502`,subtle:`#DD775502`}}},warning:{borderColor:`#FFBC51`,backgroundColor:`#FFE2B2`,foregroundColors:{default:{default:`#333333`,subtle:`#EE333333`},dark:{default:`#000000`,subtle:`#66000000`},light:{default:`#646464`,subtle:`#33646464`},accent:{default:`#0F60DC`,subtle:`#880F60DC`},attention:{default:`#BF3505`,subtle:`#DDBF3505`},good:{default:`#207725`,subtle:`#DD207725`},warning:{default:`#866107`,subtle:`#DD866107`}}}},or={small:40,medium:80,large:160},sr={maxActions:100,spacing:`default`,buttonSpacing:8,showCard:{actionMode:`inline`,inlineTopMargin:8},actionsOrientation:`vertical`,actionAlignment:`stretch`},cr={allowCustomStyle:!1},lr={imageSize:`medium`,maxImageHeight:100},ur={title:{color:`default`,size:`default`,isSubtle:!1,weight:`bolder`,wrap:!0,maxWidth:150},value:{color:`default`,size:`default`,isSubtle:!1,weight:`default`,wrap:!0},spacing:8},dr={spacing:er,separator:tr,supportsInteractivity:!0,fontTypes:nr,textStyles:rr,textBlock:ir,containerStyles:ar,imageSizes:or,actions:sr,adaptiveCard:cr,imageSet:lr,factSet:ur}})),pr=e(((e,t,n)=>{var r=n&&n.__extends||(function(){var e=function(t,n){return e=Object.setPrototypeOf||{__proto__:[]}instanceof Array&&function(e,t){e.__proto__=t}||function(e,t){for(var n in t)Object.prototype.hasOwnProperty.call(t,n)&&(e[n]=t[n])},e(t,n)};return function(t,n){if(typeof n!=`function`&&n!==null)throw TypeError(`Class extends value `+String(n)+` is not a constructor or null`);e(t,n);function r(){this.constructor=t}t.prototype=n===null?Object.create(n):(r.prototype=n.prototype,new r)}})();Object.defineProperty(e,"__esModule",{value:!0}),e.WebChatContainer=void 0;var i=(f(),s(m)),a=M(),o=(fr(),s($n).default);e.WebChatContainer=function(e){r(t,e);function t(){return e!==null&&e.apply(this,arguments)||this}return t.prototype.renderTo=function(e){this.cardHost.classList.add(`webChatOuterContainer`);var t=document.createElement(`div`);t.className=`webChatInnerContainer`,t.appendChild(this.cardHost),e.appendChild(t)},t.prototype.getHostConfig=function(){return new i.HostConfig(o)},Object.defineProperty(t.prototype,"targetVersion",{get:function(){return i.Versions.v1_3},enumerable:!1,configurable:!0}),t}(a.SingleThemeHostContainer)})),mr=n({actions:()=>xr,adaptiveCard:()=>Sr,containerStyles:()=>br,default:()=>Tr,factSet:()=>wr,fontTypes:()=>vr,imageSet:()=>Cr,imageSizes:()=>_r,preExpandSingleShowCardAction:()=>!0,separator:()=>gr,spacing:()=>hr,supportsInteractivity:()=>!0,textBlock:()=>yr}),hr,gr,_r,vr,yr,br,xr,Sr,Cr,wr,Tr,Er=c((()=>{hr={small:4,default:8,medium:16,large:24,extraLarge:32,padding:16},gr={lineThickness:1,lineColor:`#EDEBE9`},_r={small:72,medium:164,large:256},vr={default:{fontFamily:`'Segoe UI', 'Segoe UI Web (West European)', 'Segoe UI', -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', sans-serif`,fontSizes:{small:12,default:14,medium:18,large:24,extraLarge:32},fontWeights:{lighter:300,default:400,bolder:600}},monospace:{fontFamily:`'Courier New', Courier, monospace`,fontSizes:{small:12,default:14,medium:18,large:24,extraLarge:32},fontWeights:{lighter:300,default:400,bolder:600}}},yr={headingLevel:2},br={default:{backgroundColor:`#FFFFFF`,foregroundColors:{default:{default:`#323130`,subtle:`#8A8886`},dark:{default:`#000000`,subtle:`#605E5C`},light:{default:`#F3F2F1`,subtle:`#E1DFDD`},accent:{default:`#5B5FC7`,subtle:`#C5CBFA`},attention:{default:`#A80000`,subtle:`#A3A80000`},good:{default:`#107C10`,subtle:`#A3107C10`},warning:{default:`#797673`,subtle:`#A19F9D`}}},emphasis:{backgroundColor:`#FAF9F8`,foregroundColors:{default:{default:`#323130`,subtle:`#8A8886`},dark:{default:`#000000`,subtle:`#605E5C`},light:{default:`#F3F2F1`,subtle:`#E1DFDD`},accent:{default:`#5B5FC7`,subtle:`#C5CBFA`},attention:{default:`#A80000`,subtle:`#A3A80000`},good:{default:`#107C10`,subtle:`#A3107C10`},warning:{default:`#797673`,subtle:`#A19F9D`}}},accent:{backgroundColor:`#E2E2F6`,foregroundColors:{default:{default:`#323130`,subtle:`#8A8886`},dark:{default:`#000000`,subtle:`#605E5C`},light:{default:`#F3F2F1`,subtle:`#E1DFDD`},accent:{default:`#5B5FC7`,subtle:`#C5CBFA`},attention:{default:`#A80000`,subtle:`#A3A80000`},good:{default:`#107C10`,subtle:`#A3107C10`},warning:{default:`#797673`,subtle:`#A19F9D`}}},good:{backgroundColor:`#DFF6DD`,foregroundColors:{default:{default:`#323130`,subtle:`#8A8886`},dark:{default:`#000000`,subtle:`#605E5C`},light:{default:`#F3F2F1`,subtle:`#E1DFDD`},accent:{default:`#5B5FC7`,subtle:`#C5CBFA`},attention:{default:`#A80000`,subtle:`#A3A80000`},good:{default:`#107C10`,subtle:`#A3107C10`},warning:{default:`#797673`,subtle:`#A19F9D`}}},attention:{backgroundColor:`#FED9CC`,foregroundColors:{default:{default:`#323130`,subtle:`#8A8886`},dark:{default:`#000000`,subtle:`#605E5C`},light:{default:`#F3F2F1`,subtle:`#E1DFDD`},accent:{default:`#5B5FC7`,subtle:`#C5CBFA`},attention:{default:`#A80000`,subtle:`#A3A80000`},good:{default:`#107C10`,subtle:`#A3107C10`},warning:{default:`#797673`,subtle:`#A19F9D`}}},warning:{backgroundColor:`#FFF4CE`,foregroundColors:{default:{default:`#323130`,subtle:`#8A8886`},dark:{default:`#000000`,subtle:`#605E5C`},light:{default:`#F3F2F1`,subtle:`#E1DFDD`},accent:{default:`#5B5FC7`,subtle:`#C5CBFA`},attention:{default:`#A80000`,subtle:`#A3A80000`},good:{default:`#107C10`,subtle:`#A3107C10`},warning:{default:`#797673`,subtle:`#A19F9D`}}}},xr={maxActions:5,spacing:`Default`,buttonSpacing:10,showCard:{actionMode:`Inline`,inlineTopMargin:16},actionsOrientation:`Horizontal`,actionAlignment:`Left`},Sr={allowCustomStyle:!0},Cr={imageSize:`Medium`,maxImageHeight:100},wr={title:{color:`Default`,size:`Default`,isSubtle:!1,weight:`Bolder`,wrap:!0,maxWidth:150},value:{color:`Default`,size:`Default`,isSubtle:!1,weight:`Default`,wrap:!0},spacing:8},Tr={preExpandSingleShowCardAction:!0,supportsInteractivity:!0,spacing:hr,separator:gr,imageSizes:_r,fontTypes:vr,textBlock:yr,containerStyles:br,actions:xr,adaptiveCard:Sr,imageSet:Cr,factSet:wr}})),Dr=n({actions:()=>Pr,adaptiveCard:()=>Fr,containerStyles:()=>Nr,default:()=>Rr,factSet:()=>Lr,fontTypes:()=>jr,imageSet:()=>Ir,imageSizes:()=>Ar,preExpandSingleShowCardAction:()=>!0,separator:()=>kr,spacing:()=>Or,supportsInteractivity:()=>!0,textBlock:()=>Mr}),Or,kr,Ar,jr,Mr,Nr,Pr,Fr,Ir,Lr,Rr,zr=c((()=>{Or={small:4,default:8,medium:16,large:24,extraLarge:32,padding:16},kr={lineThickness:1,lineColor:`#292827`},Ar={small:72,medium:164,large:256},jr={default:{fontFamily:`'Segoe UI', 'Segoe UI Web (West European)', 'Segoe UI', -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', sans-serif`,fontSizes:{small:12,default:14,medium:18,large:24,extraLarge:32},fontWeights:{lighter:300,default:400,bolder:600}},monospace:{fontFamily:`'Courier New', Courier, monospace`,fontSizes:{small:12,default:14,medium:18,large:24,extraLarge:32},fontWeights:{lighter:300,default:400,bolder:600}}},Mr={headingLevel:2},Nr={default:{backgroundColor:`#1b1a19`,foregroundColors:{default:{default:`#f3f2f1`,subtle:`#a19f9d`},dark:{default:`#252423`,subtle:`#323130`},light:{default:`#ffffff`,subtle:`#a19f9d`},accent:{default:`#7F85F5`,subtle:`#5B5FC7`},attention:{default:`#f1707b`,subtle:`#A3A80000`},good:{default:`#92c353`,subtle:`#A392c353`},warning:{default:`#c8c6c4`,subtle:`#A19F9D`}}},emphasis:{backgroundColor:`#201f1e`,foregroundColors:{default:{default:`#f3f2f1`,subtle:`#a19f9d`},dark:{default:`#ffffff`,subtle:`#a19f9d`},light:{default:`#252423`,subtle:`#323130`},accent:{default:`#7F85F5`,subtle:`#5B5FC7`},attention:{default:`#f1707b`,subtle:`#A3A80000`},good:{default:`#92c353`,subtle:`#A392c353`},warning:{default:`#c8c6c4`,subtle:`#A19F9D`}}},accent:{backgroundColor:`#0a0802`,foregroundColors:{default:{default:`#f3f2f1`,subtle:`#a19f9d`},dark:{default:`#ffffff`,subtle:`#a19f9d`},light:{default:`#252423`,subtle:`#323130`},accent:{default:`#7F85F5`,subtle:`#5B5FC7`},attention:{default:`#f1707b`,subtle:`#A3A80000`},good:{default:`#92c353`,subtle:`#A392c353`},warning:{default:`#c8c6c4`,subtle:`#A19F9D`}}},good:{backgroundColor:`#393d1b`,foregroundColors:{default:{default:`#f3f2f1`,subtle:`#a19f9d`},dark:{default:`#ffffff`,subtle:`#a19f9d`},light:{default:`#252423`,subtle:`#323130`},accent:{default:`#7F85F5`,subtle:`#5B5FC7`},attention:{default:`#f1707b`,subtle:`#A3A80000`},good:{default:`#92c353`,subtle:`#A392c353`},warning:{default:`#c8c6c4`,subtle:`#A19F9D`}}},attention:{backgroundColor:`#4f2a0f`,foregroundColors:{default:{default:`#f3f2f1`,subtle:`#a19f9d`},dark:{default:`#ffffff`,subtle:`#a19f9d`},light:{default:`#252423`,subtle:`#323130`},accent:{default:`#7F85F5`,subtle:`#5B5FC7`},attention:{default:`#f1707b`,subtle:`#A3A80000`},good:{default:`#92c353`,subtle:`#A392c353`},warning:{default:`#c8c6c4`,subtle:`#A19F9D`}}},warning:{backgroundColor:`#433519`,foregroundColors:{default:{default:`#f3f2f1`,subtle:`#a19f9d`},dark:{default:`#ffffff`,subtle:`#a19f9d`},light:{default:`#252423`,subtle:`#323130`},accent:{default:`#7F85F5`,subtle:`#5B5FC7`},attention:{default:`#f1707b`,subtle:`#A3A80000`},good:{default:`#92c353`,subtle:`#A392c353`},warning:{default:`#c8c6c4`,subtle:`#A19F9D`}}}},Pr={maxActions:5,spacing:`Default`,buttonSpacing:10,showCard:{actionMode:`Inline`,inlineTopMargin:16},actionsOrientation:`Horizontal`,actionAlignment:`Left`},Fr={allowCustomStyle:!0},Ir={imageSize:`Medium`,maxImageHeight:100},Lr={title:{color:`Default`,size:`Default`,isSubtle:!1,weight:`Bolder`,wrap:!0,maxWidth:150},value:{color:`Default`,size:`Default`,isSubtle:!1,weight:`Default`,wrap:!0},spacing:8},Rr={preExpandSingleShowCardAction:!0,supportsInteractivity:!0,spacing:Or,separator:kr,imageSizes:Ar,fontTypes:jr,textBlock:Mr,containerStyles:Nr,actions:Pr,adaptiveCard:Fr,imageSet:Ir,factSet:Lr}})),Br=e(((e,t,n)=>{var r=n&&n.__extends||(function(){var e=function(t,n){return e=Object.setPrototypeOf||{__proto__:[]}instanceof Array&&function(e,t){e.__proto__=t}||function(e,t){for(var n in t)Object.prototype.hasOwnProperty.call(t,n)&&(e[n]=t[n])},e(t,n)};return function(t,n){if(typeof n!=`function`&&n!==null)throw TypeError(`Class extends value `+String(n)+` is not a constructor or null`);e(t,n);function r(){this.constructor=t}t.prototype=n===null?Object.create(n):(r.prototype=n.prototype,new r)}})();Object.defineProperty(e,"__esModule",{value:!0}),e.VivaConnectionsContainer=void 0;var i=(f(),s(m)),a=P(),o=(Er(),s(mr).default),c=(zr(),s(Dr).default);e.VivaConnectionsContainer=function(e){r(t,e);function t(){return e.call(this,`Viva Connections`,`viva-connections-container`,o,c,`#F6F6F6`,`#1b1a19`)||this}return t.prototype.renderTo=function(e){this.cardHost.classList.add(`vivaConnectionsContainer`);var t=document.createElement(`div`);t.className=`vivaConnectionsContainer`,t.appendChild(this.cardHost),e.appendChild(t)},Object.defineProperty(t.prototype,"targetVersion",{get:function(){return i.Versions.v1_5},enumerable:!1,configurable:!0}),t}(a.MultiThemeHostContainer)})),Vr=n({actions:()=>Yr,adaptiveCard:()=>Xr,choiceSetInputValueSeparator:()=>`,`,containerStyles:()=>Jr,default:()=>$r,factSet:()=>Qr,fontTypes:()=>Gr,imageSet:()=>Zr,imageSizes:()=>Wr,separator:()=>Ur,spacing:()=>Hr,supportsInteractivity:()=>!0,textBlock:()=>qr,textStyles:()=>Kr}),Hr,Ur,Wr,Gr,Kr,qr,Jr,Yr,Xr,Zr,Qr,$r,ei=c((()=>{Hr={small:8,default:12,medium:16,large:20,extraLarge:24,padding:16},Ur={lineThickness:1,lineColor:`#EEEEEE`},Wr={small:32,medium:52,large:100},Gr={default:{fontFamily:`'Segoe UI', Tahoma, Geneva, Verdana, sans-serif`,fontSizes:{small:12,default:14,medium:14,large:18,extraLarge:24},fontWeights:{lighter:200,default:400,bolder:600}},monospace:{fontFamily:`'Courier New', Courier, monospace`,fontSizes:{small:12,default:14,medium:14,large:18,extraLarge:24},fontWeights:{lighter:200,default:400,bolder:600}}},Kr={heading:{fontType:`default`,size:`large`,weight:`bolder`,color:`default`,isSubtle:!1}},qr={headingLevel:2},Jr={default:{foregroundColors:{default:{default:`#ff252424`,subtle:`#bf252424`},dark:{default:`#252424`,subtle:`#bf252424`},light:{default:`#ffffff`,subtle:`#fff3f2f1`},accent:{default:`#6264a7`,subtle:`#8b8cc7`},good:{default:`#92c353`,subtle:`#e592c353`},warning:{default:`#f8d22a`,subtle:`#e5f8d22a`},attention:{default:`#c4314b`,subtle:`#e5c4314b`}},borderColor:`#CCCCCC`,backgroundColor:`#ffffff`},emphasis:{foregroundColors:{default:{default:`#ff252424`,subtle:`#bf252424`},dark:{default:`#252424`,subtle:`#bf252424`},light:{default:`#ffffff`,subtle:`#fff3f2f1`},accent:{default:`#6264a7`,subtle:`#8b8cc7`},good:{default:`#92c353`,subtle:`#e592c353`},warning:{default:`#f8d22a`,subtle:`#e5f8d22a`},attention:{default:`#c4314b`,subtle:`#e5c4314b`}},borderColor:`#666666`,backgroundColor:`#fff9f8f7`},accent:{borderColor:`#62A8F7`,backgroundColor:`#C7DEF9`,foregroundColors:{default:{default:`#ff252424`,subtle:`#bf252424`},dark:{default:`#252424`,subtle:`#bf252424`},light:{default:`#ffffff`,subtle:`#fff3f2f1`},accent:{default:`#6264a7`,subtle:`#8b8cc7`},good:{default:`#92c353`,subtle:`#e592c353`},warning:{default:`#f8d22a`,subtle:`#e5f8d22a`},attention:{default:`#c4314b`,subtle:`#e5c4314b`}}},good:{borderColor:`#69E569`,backgroundColor:`#CCFFCC`,foregroundColors:{default:{default:`#ff252424`,subtle:`#bf252424`},dark:{default:`#252424`,subtle:`#bf252424`},light:{default:`#ffffff`,subtle:`#fff3f2f1`},accent:{default:`#6264a7`,subtle:`#8b8cc7`},good:{default:`#92c353`,subtle:`#e592c353`},warning:{default:`#f8d22a`,subtle:`#e5f8d22a`},attention:{default:`#c4314b`,subtle:`#e5c4314b`}}},attention:{borderColor:`#FF764C`,backgroundColor:`#FFC5B2`,foregroundColors:{default:{default:`#ff252424`,subtle:`#bf252424`},dark:{default:`#252424`,subtle:`#bf252424`},light:{default:`#ffffff`,subtle:`#fff3f2f1`},accent:{default:`#6264a7`,subtle:`#8b8cc7`},good:{default:`#92c353`,subtle:`#e592c353`},warning:{default:`#f8d22a`,subtle:`#e5f8d22a`},attention:{default:`#c4314b`,subtle:`#e5c4314b`}}},warning:{borderColor:`#FFBC51`,backgroundColor:`#FFE2B2`,foregroundColors:{default:{default:`#ff252424`,subtle:`#bf252424`},dark:{default:`#252424`,subtle:`#bf252424`},light:{default:`#ffffff`,subtle:`#fff3f2f1`},accent:{default:`#6264a7`,subtle:`#8b8cc7`},good:{default:`#92c353`,subtle:`#e592c353`},warning:{default:`#f8d22a`,subtle:`#e5f8d22a`},attention:{default:`#c4314b`,subtle:`#e5c4314b`}}}},Yr={maxActions:6,spacing:`Default`,buttonSpacing:8,showCard:{actionMode:`Inline`,inlineTopMargin:16,style:`emphasis`},preExpandSingleShowCardAction:!1,actionsOrientation:`Horizontal`,actionAlignment:`Left`},Xr={allowCustomStyle:!1},Zr={imageSize:`Medium`,maxImageHeight:100},Qr={title:{size:`Default`,color:`Default`,isSubtle:!1,weight:`Bolder`,warp:!0},value:{size:`Default`,color:`Default`,isSubtle:!1,weight:`Default`,warp:!0},spacing:16},$r={choiceSetInputValueSeparator:`,`,supportsInteractivity:!0,spacing:Hr,separator:Ur,imageSizes:Wr,fontTypes:Gr,textStyles:Kr,textBlock:qr,containerStyles:Jr,actions:Yr,adaptiveCard:Xr,imageSet:Zr,factSet:Qr}})),ti=e(((e,t,n)=>{var r=n&&n.__extends||(function(){var e=function(t,n){return e=Object.setPrototypeOf||{__proto__:[]}instanceof Array&&function(e,t){e.__proto__=t}||function(e,t){for(var n in t)Object.prototype.hasOwnProperty.call(t,n)&&(e[n]=t[n])},e(t,n)};return function(t,n){if(typeof n!=`function`&&n!==null)throw TypeError(`Class extends value `+String(n)+` is not a constructor or null`);e(t,n);function r(){this.constructor=t}t.prototype=n===null?Object.create(n):(r.prototype=n.prototype,new r)}})();Object.defineProperty(e,"__esModule",{value:!0}),e.FederatedSearchContainer=void 0;var i=(f(),s(m)),a=M(),o=(ei(),s(Vr).default);e.FederatedSearchContainer=function(e){r(t,e);function t(t,n){var r=e.call(this,t,n)||this;return r.actionsRegistry.unregister(`Action.Submit`),r.elementsRegistry.unregister(`Input.Text`),r.elementsRegistry.unregister(`Input.Date`),r.elementsRegistry.unregister(`Input.Time`),r.elementsRegistry.unregister(`Input.Toggle`),r.elementsRegistry.unregister(`Input.ChoiceSet`),r.elementsRegistry.unregister(`Input.Number`),r}return t.prototype.renderTo=function(e){this.cardHost.classList.add(`fedsearch-card`),e.appendChild(this.cardHost)},t.prototype.initialize=function(){e.prototype.initialize.call(this)},t.prototype.getHostConfig=function(){return new i.HostConfig(o)},Object.defineProperty(t.prototype,"targetVersion",{get:function(){return i.Versions.v1_4},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"enableDeviceEmulation",{get:function(){return!0},enumerable:!1,configurable:!0}),t}(a.SingleThemeHostContainer)})),ni=e(((e,t,n)=>{var r=n&&n.__createBinding||(Object.create?(function(e,t,n,r){r===void 0&&(r=n),Object.defineProperty(e,r,{enumerable:!0,get:function(){return t[n]}})}):(function(e,t,n,r){r===void 0&&(r=n),e[r]=t[n]})),i=n&&n.__exportStar||function(e,t){for(var n in e)n!=="default"&&!Object.prototype.hasOwnProperty.call(t,n)&&r(t,e,n)};Object.defineProperty(e,"__esModule",{value:!0}),i(j(),e),i(N(),e),i(pe(),e),i(Ee(),e),i(Ve(),e),i(vt(),e),i(Nt(),e),i(Jt(),e),i(un(),e),i(zn(),e),i(Qn(),e),i(pr(),e),i(Br(),e),i(ti(),e)})),ri=e((e=>{Object.defineProperty(e,"__esModule",{value:!0}),e.Strings=void 0;var t=ni();e.Strings=function(){function e(){}return e.toolboxes={toolPalette:{title:`CARD ELEMENTS`},cardEditor:{title:`CARD PAYLOAD EDITOR`},sampleDataEditor:{title:`SAMPLE DATA EDITOR`},sampleHostDataEditor:{title:`SAMPLE HOST DATA EDITOR`},propertySheet:{title:`ELEMENT PROPERTIES`,commands:{bindData:{displayText:function(){return`...`},accessibleText:function(e){return`Data Binding`}}}},cardStructure:{title:`CARD STRUCTURE`},dataStructure:{title:`DATA STRUCTURE`}},e.loadingEditor=`Loading editor...`,e.widgetOverflowWarning=`[Designer] We have adjusted your card to hide overflow elements. Please ensure all card elements are contained within the proper card height per Widgets Board design guidelines. Only Carousel pagination dots can be present in the bottom `+t.WidgetContainer.widgetPadding+`px margin of a widget.`,e}()})),ii=e((e=>{Object.defineProperty(e,"__esModule",{value:!0}),e.GlobalSettings=void 0;var t=(f(),s(m));e.GlobalSettings=function(){function e(){}return e.enableDataBindingSupport=!1,e.showDataStructureToolbox=!1,e.showSampleDataEditorToolbox=!1,e.showSampleHostDataEditorToolbox=!1,e.showVersionPicker=!1,e.selectedHostContainerControlsTargetVersion=!0,e.showTargetVersionMismatchWarning=!0,e.supportedTargetVersions=t.Versions.getAllDeclaredVersions(),e}()})),Y=e((e=>{Object.defineProperty(e,"__esModule",{value:!0}),e.Constants=e.KEY_DELETE=e.KEY_DOWN=e.KEY_UP=e.KEY_SPACE=e.KEY_ESCAPE=e.KEY_ENTER=e.KEY_TAB=void 0,e.KEY_TAB=9,e.KEY_ENTER=13,e.KEY_ESCAPE=27,e.KEY_SPACE=32,e.KEY_UP=38,e.KEY_DOWN=40,e.KEY_DELETE=46,e.Constants=function(){function e(){}return e.keys={tab:`Tab`,enter:`Enter`,escape:`Escape`,space:` `,up:`ArrowUp`,down:`ArrowDown`,delete:`Delete`,backspace:`Backspace`,left:`ArrowLeft`,right:`ArrowRight`},e}()})),ai=e((e=>{Object.defineProperty(e,"__esModule",{value:!0}),e.DayOfWeek=void 0,(function(e){e[e.Sunday=0]=`Sunday`,e[e.Monday=1]=`Monday`,e[e.Tuesday=2]=`Tuesday`,e[e.Wednesday=3]=`Wednesday`,e[e.Thursday=4]=`Thursday`,e[e.Friday=5]=`Friday`,e[e.Saturday=6]=`Saturday`})(e.DayOfWeek||={})})),X=e((e=>{Object.defineProperty(e,"__esModule",{value:!0}),e.clearElement=e.getAttributeValueAsInt=e.getAttributeValueAsString=e.getAttributeValueAsBool=e.getScrollY=e.getScrollX=e.areDatesEqual=e.addMonths=e.addDays=e.daysInMonth=e.CalendarSettings=void 0;var t=ai(),n=function(){function e(){}return e.getLongDayName=function(t){if(t>=0&&t<e.longDayNames.length)return e.longDayNames[t];throw Error(`Day index out of range: `+t)},e.getShortDayName=function(t){if(t>=0&&t<e.shortDayNames.length)return e.shortDayNames[t];throw Error(`Day index out of range: `+t)},e.getInitialDayName=function(t){if(t>=0&&t<e.minimalDayNames.length)return e.minimalDayNames[t];throw Error(`Day index out of range: `+t)},e.getLongMonthName=function(t){if(t>=0&&t<e.longMonthNames.length)return e.longMonthNames[t];throw Error(`Month index out of range: `+t)},e.getShortMonthName=function(t){if(t>=0&&t<e.shortMonthNames.length)return e.shortMonthNames[t];throw Error(`Month index out of range: `+t)},e.monthsInYear=12,e.daysInWeek=7,e.firstDayOfWeek=t.DayOfWeek.Sunday,e.longDayNames=[`Sunday`,`Monday`,`Tuesday`,`Wednesday`,`Thursday`,`Friday`,`Saturday`],e.shortDayNames=[`Sun`,`Mon`,`Tue`,`Wed`,`Thu`,`Fri`,`Sat`],e.minimalDayNames=[`Su`,`Mo`,`Tu`,`We`,`Th`,`Fr`,`Sa`],e.longMonthNames=[`January`,`February`,`March`,`April`,`May`,`June`,`July`,`August`,`September`,`October`,`November`,`December`],e.shortMonthNames=[`Jan`,`Feb`,`Mar`,`Apr`,`May`,`Jun`,`Jul`,`Aug`,`Sep`,`Oct`,`Nov`,`Dec`],e}();e.CalendarSettings=n,e.daysInMonth=function(e,t){switch(t){case 1:return e%4==0&&e%100||e%400==0?29:28;case 3:case 5:case 8:case 10:return 30;default:return 31}};function r(e,t){var n=new Date(e.getTime());return n.setDate(n.getDate()+t),n}e.addDays=r,e.addMonths=function(e,t){var i=new Date(e.getTime()),a=i.getMonth()+t;return i.setMonth(a),i.getMonth()!==(a%n.monthsInYear+n.monthsInYear)%n.monthsInYear&&(i=r(i,-i.getDate())),i},e.areDatesEqual=function(e,t){return e.getFullYear()==t.getFullYear()&&e.getMonth()==t.getMonth()&&e.getDate()==t.getDate()},e.getScrollX=function(){return window.pageXOffset},e.getScrollY=function(){return window.pageYOffset},e.getAttributeValueAsBool=function(e,t,n){var r=e.attributes[t];return r?r.value===`true`:n},e.getAttributeValueAsString=function(e,t,n){var r=e.attributes[t];return r?r.value:n},e.getAttributeValueAsInt=function(e,t,n){var r=e.attributes[t];if(r){var i=parseInt(r.value);if(!isNaN(i))return i}return n},e.clearElement=function(e){e.innerHTML=typeof window>`u`?``:window.trustedTypes?.emptyHTML??``}})),oi=e((e=>{Object.defineProperty(e,"__esModule",{value:!0}),e.Collection=void 0,e.Collection=function(){function e(){this._items=[],this.onItemAdded=null,this.onItemRemoved=null}return e.prototype.get=function(e){return this._items[e]},e.prototype.add=function(e){this._items.push(e),this.onItemAdded&&this.onItemAdded(e)},e.prototype.remove=function(e){var t=this._items.indexOf(e);t>=0&&(this._items=this._items.splice(t,1),this.onItemRemoved&&this.onItemRemoved(e))},e.prototype.indexOf=function(e){return this._items.indexOf(e)},Object.defineProperty(e.prototype,"length",{get:function(){return this._items.length},enumerable:!1,configurable:!0}),e}()})),Z=e((e=>{Object.defineProperty(e,"__esModule",{value:!0}),e.InputControl=void 0,e.InputControl=function(){function e(){}return e.prototype.validateRootElement=function(e){},e.prototype.keyDown=function(e){},Object.defineProperty(e.prototype,"rootElement",{get:function(){return this._rootElement},enumerable:!1,configurable:!0}),e.prototype.attach=function(e){var t=this;this.validateRootElement(e),this._rootElement=e,this._rootElement.onkeydown=function(e){t.keyDown(e)}},e}()})),si=e(((e,t,n)=>{var r=n&&n.__extends||(function(){var e=function(t,n){return e=Object.setPrototypeOf||{__proto__:[]}instanceof Array&&function(e,t){e.__proto__=t}||function(e,t){for(var n in t)Object.prototype.hasOwnProperty.call(t,n)&&(e[n]=t[n])},e(t,n)};return function(t,n){if(typeof n!=`function`&&n!==null)throw TypeError(`Class extends value `+String(n)+` is not a constructor or null`);e(t,n);function r(){this.constructor=t}t.prototype=n===null?Object.create(n):(r.prototype=n.prototype,new r)}})();Object.defineProperty(e,"__esModule",{value:!0}),e.InputWithPopup=e.PopupControl=void 0;var i=Y(),a=X(),o=Z(),s=p();e.PopupControl=function(){function e(){this._isOpen=!1}return e.prototype.keyDown=function(e){switch(e.key){case i.Constants.keys.escape:this.closePopup(!0)}},e.prototype.render=function(e){var t=this,n=document.createElement(`div`);return n.tabIndex=0,n.className=`ms-ctrl ms-ctrl-popup-container`,n.setAttribute(`role`,`dialog`),n.setAttribute(`aria-modal`,`true`),n.onkeydown=function(e){return t.keyDown(e),!e.cancelBubble},n.appendChild(this.renderContent()),n},e.prototype.focus=function(){this._popupElement&&this._popupElement.firstElementChild.focus()},e.prototype.popup=function(e){var t=this;if(!this._isOpen){this._overlayElement=document.createElement(`div`),this._overlayElement.className=`ms-ctrl-overlay`,this._overlayElement.tabIndex=0,this._overlayElement.style.width=document.documentElement.scrollWidth+`px`,this._overlayElement.style.height=document.documentElement.scrollHeight+`px`,this._overlayElement.onfocus=function(e){t.closePopup(!0)},document.body.appendChild(this._overlayElement);var n=e.getBoundingClientRect();this._popupElement=this.render(n),this._popupElement.classList.remove(`ms-ctrl-slide`,`ms-ctrl-slideLeftToRight`,`ms-ctrl-slideRightToLeft`,`ms-ctrl-slideTopToBottom`,`ms-ctrl-slideRightToLeft`),window.addEventListener(`resize`,function(e){t.closePopup(!0)});var r=e.getAttribute(`aria-label`);r&&this._popupElement.setAttribute(`aria-label`,r),this._overlayElement.appendChild(this._popupElement);var i=this._popupElement.getBoundingClientRect(),o=window.innerHeight-n.bottom,s=n.top,c=window.innerWidth-n.left,c=window.innerWidth-n.right,l=n.left,u=n.left+a.getScrollX(),d;if(s<i.height&&o<i.height){var f=Math.min(i.height,window.innerHeight);if(this._popupElement.style.maxHeight=f+`px`,d=f<i.height?a.getScrollY():a.getScrollY()+n.top+(n.height-f)/2,l<i.width&&c<i.width){var p=Math.min(i.width,window.innerWidth);this._popupElement.style.maxWidth=p+`px`,u=p<i.width?a.getScrollX():a.getScrollX()+n.left+(n.width-p)/2}else c>=i.width?(u=a.getScrollX()+n.right,this._popupElement.classList.add(`ms-ctrl-slide`,`ms-ctrl-slideLeftToRight`)):(u=a.getScrollX()+n.left-i.width,this._popupElement.classList.add(`ms-ctrl-slide`,`ms-ctrl-slideRightToLeft`))}else o>=i.height?(d=a.getScrollY()+n.bottom,this._popupElement.classList.add(`ms-ctrl-slide`,`ms-ctrl-slideTopToBottom`)):(d=a.getScrollY()+n.top-i.height,this._popupElement.classList.add(`ms-ctrl-slide`,`ms-ctrl-slideBottomToTop`)),c<i.width&&(u=a.getScrollX()+n.right-i.width);this._popupElement.style.left=u+`px`,this._popupElement.style.top=d+`px`,this.focus(),this._isOpen=!0}},e.prototype.closePopup=function(e){this._isOpen&&(document.body.removeChild(this._overlayElement),this._isOpen=!1,this.onClose&&this.onClose(this,e))},Object.defineProperty(e.prototype,"isOpen",{get:function(){return this._isOpen},enumerable:!1,configurable:!0}),e}(),e.InputWithPopup=function(e){r(t,e);function t(){var t=e!==null&&e.apply(this,arguments)||this;return t._isEnabled=!0,t}return t.prototype.keyDown=function(e){switch(e.key){case i.Constants.keys.enter:this._isEnabled&&this.popup()}},t.prototype.updateLabel=function(){this._labelElement&&(this._value?(this._labelElement.innerText=this.getValueAsString(),this._labelElement.classList.remove(`placeholder`)):(this._labelElement.innerText=this._placeholderText?this._placeholderText:``,this._labelElement.classList.add(`placeholder`)))},t.prototype.updateLayout=function(){this._isEnabled?(this.rootElement.classList.remove(`disabled`),this.rootElement.removeAttribute(`aria-disabled`),this.rootElement.tabIndex=0):(this.rootElement.classList.add(`disabled`),this.rootElement.setAttribute(`aria-disabled`,`true`),this.rootElement.tabIndex=-1)},Object.defineProperty(t.prototype,"popupControl",{get:function(){return this._popupControl},enumerable:!1,configurable:!0}),t.prototype.getButtonIconCssClassName=function(){return`ms-icon-chevronDown`},t.prototype.getValueAsString=function(){return this._value.toString()},t.prototype.valueChanged=function(){this.onValueChanged&&this.onValueChanged(this)},t.prototype.attach=function(t){var n=this;e.prototype.attach.call(this,t),t.tabIndex=0,t.className=this.getCssClassName(),window.addEventListener(`resize`,function(e){n.closePopup(!0)}),this.rootElement.onclick=function(e){n._isEnabled&&(n.isOpen?n.closePopup(!0):n.popup())};var r=this.rootElement.attributes.getNamedItem(`placeholder`);r&&(this._placeholderText=r.value),this._labelElement=document.createElement(`span`),this._labelElement.className=`ms-ctrl ms-dropdown-label`,this._labelElement.id=(0,s.v4)(),this._dropDownButtonElement=document.createElement(`i`),this._dropDownButtonElement.className=`ms-icon ms-ctrl-dropdown-button `+this.getButtonIconCssClassName(),this.rootElement.appendChild(this._labelElement),this.rootElement.appendChild(this._dropDownButtonElement),this.updateLabel()},t.prototype.popup=function(){var e=this;this._popupControl=this.createPopupControl(),this._popupControl.onClose=function(t,n){e.closePopup(n),e.rootElement.focus()},this._popupControl.popup(this.rootElement)},t.prototype.closePopup=function(e){this.popupControl&&this.popupControl.closePopup(e)},Object.defineProperty(t.prototype,"labelId",{get:function(){if(this._labelElement)return this._labelElement.id},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"isOpen",{get:function(){return this._popupControl?this._popupControl.isOpen:!1},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"placeholderText",{get:function(){return this._placeholderText},set:function(e){this._placeholderText=e},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"value",{get:function(){return this._value},set:function(e){this._value!=e&&(this._value=e,this.updateLabel(),this.valueChanged())},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"isEnabled",{set:function(e){this._isEnabled!==e&&(this._isEnabled=e,this.updateLayout())},enumerable:!1,configurable:!0}),t}(o.InputControl)})),ci=e(((e,t,n)=>{var r=n&&n.__extends||(function(){var e=function(t,n){return e=Object.setPrototypeOf||{__proto__:[]}instanceof Array&&function(e,t){e.__proto__=t}||function(e,t){for(var n in t)Object.prototype.hasOwnProperty.call(t,n)&&(e[n]=t[n])},e(t,n)};return function(t,n){if(typeof n!=`function`&&n!==null)throw TypeError(`Class extends value `+String(n)+` is not a constructor or null`);e(t,n);function r(){this.constructor=t}t.prototype=n===null?Object.create(n):(r.prototype=n.prototype,new r)}})();Object.defineProperty(e,"__esModule",{value:!0}),e.Calendar=e.DayCell=void 0;var i=X(),a=Y(),o=Z(),s=function(){function e(e){this._isSubdued=!1,this._isSelected=!1,this.date=e}return e.prototype.selected=function(){this.onSelected&&this.onSelected(this)},e.prototype.render=function(){var e=this;return this._element=document.createElement(`div`),this._element.className=`ms-ctrl ms-ctrl-calendarDay`,this._element.innerText=this.date.getDate().toString(),this._element.tabIndex=0,this._element.onclick=function(t){e.selected()},this._element.onkeydown=function(t){if(t.key==a.Constants.keys.enter)return e.selected(),!1},this._element},e.prototype.focus=function(){this._element.focus()},Object.defineProperty(e.prototype,"isSubdued",{get:function(){return this._isSubdued},set:function(e){this._isSubdued=e,this._isSubdued?this._element.classList.add(`subdued`):this._element.classList.remove(`subdued`)},enumerable:!1,configurable:!0}),Object.defineProperty(e.prototype,"isSelected",{get:function(){return this._isSelected},set:function(e){this._isSelected=e,this._isSelected?this._element.classList.add(`selected`):this._element.classList.remove(`selected`)},enumerable:!1,configurable:!0}),e}();e.DayCell=s,e.Calendar=function(e){r(t,e);function t(){var t=e.call(this)||this;t._selectedDay=null,t._miniCalendarElement=document.createElement(`table`),t._miniCalendarElement.className=`ms-ctrl ms-ctrl-slide`,t._miniCalendarElement.cellPadding=`0px`,t._miniCalendarElement.cellSpacing=`0px`;var n=document.createElement(`div`);n.className=`ms-ctrl ms-ctrl-calendarHeader`,n.style.display=`flex`,t._monthYearLabelElement=document.createElement(`div`),t._monthYearLabelElement.style.flex=`1 1 100%`,n.appendChild(t._monthYearLabelElement);var r=document.createElement(`div`);r.style.flex=`0 0 auto`;var o=document.createElement(`i`);return o.className=`ms-icon ms-ctrl-calendarNavButton ms-icon-chevronLeft`,o.tabIndex=0,o.onclick=function(e){t.date=i.addMonths(t.date,-1)},o.onkeydown=function(e){if(e.key==a.Constants.keys.enter)return t.date=i.addMonths(t.date,-1),!1},r.appendChild(o),o=document.createElement(`i`),o.className=`ms-icon ms-ctrl-calendarNavButton ms-icon-chevronRight`,o.tabIndex=0,o.onclick=function(e){t.date=i.addMonths(t.date,1)},o.onkeydown=function(e){if(e.key==a.Constants.keys.enter)return t.date=i.addMonths(t.date,1),!1},r.appendChild(o),n.appendChild(r),t._rootContainerElement=document.createElement(`div`),t._rootContainerElement.className=`ms-ctrl ms-ctrl-calendar`,t._rootContainerElement.appendChild(n),t._rootContainerElement.appendChild(t._miniCalendarElement),t.date=new Date,t}return t.prototype.generateDayCells=function(e){var t=this;this._days=[];var n=e.getMonth(),r=e.getFullYear(),a=new Date(r,n,1),o=new Date(r,n,i.daysInMonth(r,n)),c=a.getDay();c-i.CalendarSettings.firstDayOfWeek>0&&(a=i.addDays(a,i.CalendarSettings.firstDayOfWeek-c));var l=o.getDay(),u=i.CalendarSettings.firstDayOfWeek+6;u-l>0&&(o=i.addDays(o,u-l));var d=o.getDate(),f=o.getMonth(),p=o.getFullYear();do{var m=new s(a);m.onSelected=function(e){t.selectedDayCell=e,t.onDateChanged&&t.onDateChanged(t)},this._days.push(m);var h=a.getDate()==d&&a.getMonth()==f&&a.getFullYear()==p;a=i.addDays(a,1)}while(!h)},Object.defineProperty(t.prototype,"selectedDayCell",{get:function(){return this._selectedDay},set:function(e){this._selectedDay&&(this._selectedDay.isSelected=!1),this._selectedDay=e,this._selectedDay&&(this._selectedDay.isSelected=!0,this._date=this._selectedDay.date)},enumerable:!1,configurable:!0}),t.prototype.initializeSelection=function(){if(this._date){for(var e=0;e<this._days.length;e++)if(i.areDatesEqual(this._days[e].date,this.date)){this.selectedDayCell=this._days[e];break}}},t.prototype.rebuildMiniCalendar=function(e,t){this.generateDayCells(e);var n=e.getMonth();i.clearElement(this._miniCalendarElement),this._miniCalendarElement.classList.remove(`ms-ctrl-slide`,`ms-ctrl-slideLeftToRight`,`ms-ctrl-slideRightToLeft`);for(var r=document.createElement(`tr`),a=i.CalendarSettings.firstDayOfWeek,o=0;o<i.CalendarSettings.daysInWeek;o++){var s=document.createElement(`td`);s.className=`ms-ctrl ms-ctrl-calendarDayHeader`,s.innerText=i.CalendarSettings.getInitialDayName(a),r.appendChild(s),a++,a>=i.CalendarSettings.daysInWeek&&(a=0)}this._miniCalendarElement.appendChild(r);for(var o=0;o<this._days.length;o++){o%7==0&&(r=document.createElement(`tr`),this._miniCalendarElement.appendChild(r));var c=document.createElement(`td`);c.appendChild(this._days[o].render()),this._days[o].date.getMonth()!=n&&(this._days[o].isSubdued=!0),r.appendChild(c)}if(t){var l=e.getTime()-t.getTime();l>0?this._miniCalendarElement.classList.add(`ms-ctrl-slide`,`ms-ctrl-slideRightToLeft`):l<0&&this._miniCalendarElement.classList.add(`ms-ctrl-slide`,`ms-ctrl-slideLeftToRight`)}},t.prototype.attach=function(t){e.prototype.attach.call(this,t),i.clearElement(t),t.appendChild(this._rootContainerElement)},t.prototype.focus=function(){this._selectedDay&&this._selectedDay.focus()},Object.defineProperty(t.prototype,"date",{get:function(){return this._date},set:function(e){var t=!0,n=e||new Date;this._date&&(t=!this._days||n.getFullYear()!=this._date.getFullYear()||n.getMonth()!=this._date.getMonth()),t&&this.rebuildMiniCalendar(n,this._date),this._date=n,this.initializeSelection(),this._monthYearLabelElement.innerText=i.CalendarSettings.getLongMonthName(this._date.getMonth())+` `+this._date.getFullYear()},enumerable:!1,configurable:!0}),t}(o.InputControl)})),li=e(((e,t,n)=>{var r=n&&n.__extends||(function(){var e=function(t,n){return e=Object.setPrototypeOf||{__proto__:[]}instanceof Array&&function(e,t){e.__proto__=t}||function(e,t){for(var n in t)Object.prototype.hasOwnProperty.call(t,n)&&(e[n]=t[n])},e(t,n)};return function(t,n){if(typeof n!=`function`&&n!==null)throw TypeError(`Class extends value `+String(n)+` is not a constructor or null`);e(t,n);function r(){this.constructor=t}t.prototype=n===null?Object.create(n):(r.prototype=n.prototype,new r)}})();Object.defineProperty(e,"__esModule",{value:!0}),e.DropDown=e.DropDownPopupControl=e.DropDownItem=void 0;var i=Y(),a=oi(),o=si(),s=function(){function e(e,t){this.key=e,this._value=t}return e.prototype.click=function(){this.onClick&&this.onClick(this)},e.prototype.toString=function(){return this.value},e.prototype.render=function(){var e=this;return this._element||(this._element=document.createElement(`span`),this._element.className=`ms-ctrl ms-ctrl-dropdown-item`,this._element.innerText=this.value,this._element.setAttribute(`role`,`menuitem`),this._element.setAttribute(`aria-current`,`false`),this._element.onmouseup=function(t){e.click()},this._element.onkeydown=function(t){t.key===i.Constants.keys.enter&&(e.click(),t.cancelBubble=!0)}),this._element},Object.defineProperty(e.prototype,"value",{get:function(){return this._value},set:function(e){this._value=e,this._element&&(this._element.innerText=e)},enumerable:!1,configurable:!0}),e}();e.DropDownItem=s;var c=function(e){r(t,e);function t(t){var n=e.call(this)||this;return n._renderedItems=[],n._selectedIndex=-1,n._owner=t,n}return t.prototype.renderContent=function(){var e=document.createElement(`div`);e.className=`ms-ctrl ms-popup`,e.setAttribute(`role`,`menu`);for(var t=this._owner.selectedIndex,n=0;n<this._owner.items.length;n++){var r=this._owner.items.get(n).render();r.tabIndex=0,e.appendChild(r),n==t&&r.focus(),this._renderedItems.push(r)}return e},t.prototype.keyDown=function(t){e.prototype.keyDown.call(this,t);var n=this._selectedIndex;switch(t.key){case i.Constants.keys.tab:this.closePopup(!0);break;case i.Constants.keys.enter:this.selectedIndex>=0&&(this._owner.selectedIndex=this.selectedIndex,this.closePopup(!1));break;case i.Constants.keys.up:n<=0?n=this._renderedItems.length-1:(n--,n<0&&(n=this._renderedItems.length-1)),this.selectedIndex=n,t.cancelBubble=!0;break;case i.Constants.keys.down:n<0?n=0:(n++,n>=this._renderedItems.length&&(n=0)),this.selectedIndex=n,t.cancelBubble=!0}},t.prototype.render=function(t){var n=e.prototype.render.call(this,t);return n.style.minWidth=t.width/2+`px`,n},Object.defineProperty(t.prototype,"selectedIndex",{get:function(){return this._selectedIndex},set:function(e){e>=0&&e<this._renderedItems.length&&(this._selectedIndex>=0&&this._selectedIndex<this._renderedItems.length&&this._renderedItems[this._selectedIndex].setAttribute(`aria-current`,`false`),this._renderedItems[e].focus(),this._renderedItems[e].setAttribute(`aria-current`,`true`),this._selectedIndex=e)},enumerable:!1,configurable:!0}),t}(o.PopupControl);e.DropDownPopupControl=c,e.DropDown=function(e){r(t,e);function t(){var t=e.call(this)||this;return t._items=new a.Collection,t._items.onItemAdded=function(e){e.onClick=function(e){t.itemClicked(e)}},t._items.onItemRemoved=function(e){e.onClick=null},t}return t.prototype.itemClicked=function(e){this.selectedItem=e,this.closePopup(!1),this.rootElement.focus()},t.prototype.validateRootElement=function(e){if(!(e instanceof HTMLDivElement))throw Error(`DropDown requires a DIV element as its root.`)},t.prototype.createPopupControl=function(){return new c(this)},t.prototype.getCssClassName=function(){return`ms-ctrl ms-ctrl-dropdown`},t.prototype.attach=function(t){e.prototype.attach.call(this,t);for(var n=0;n<this.rootElement.children.length;n++){var r=this.rootElement.children[n];if(r.tagName.toLowerCase()==`ms-dropdown-item`){var i=new s(r.attributes.getNamedItem(`key`).value,r.attributes.getNamedItem(`value`).value);this._items.add(i)}}var a=[];this.parentLabelId&&a.push(this.parentLabelId),this.labelId&&a.push(this.labelId),a.length>0&&this.rootElement.setAttribute(`aria-labelledby`,a.join(` `)),this.rootElement.setAttribute(`role`,`combobox`),this.rootElement.setAttribute(`aria-haspopup`,`menu`)},t.prototype.popup=function(){e.prototype.popup.call(this),this.popupControl.selectedIndex=this.selectedIndex},Object.defineProperty(t.prototype,"items",{get:function(){return this._items},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"selectedItem",{get:function(){return this.value},set:function(e){this.value=e},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"selectedIndex",{get:function(){return this.items.indexOf(this.value)},set:function(e){e>=0&&this.items.length>e&&(this.selectedItem=this.items.get(e))},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"parentLabelId",{get:function(){return this._parentLabelId},set:function(e){this._parentLabelId=e},enumerable:!1,configurable:!0}),t}(o.InputWithPopup)})),ui=e(((e,t,n)=>{var r=n&&n.__extends||(function(){var e=function(t,n){return e=Object.setPrototypeOf||{__proto__:[]}instanceof Array&&function(e,t){e.__proto__=t}||function(e,t){for(var n in t)Object.prototype.hasOwnProperty.call(t,n)&&(e[n]=t[n])},e(t,n)};return function(t,n){if(typeof n!=`function`&&n!==null)throw TypeError(`Class extends value `+String(n)+` is not a constructor or null`);e(t,n);function r(){this.constructor=t}t.prototype=n===null?Object.create(n):(r.prototype=n.prototype,new r)}})();Object.defineProperty(e,"__esModule",{value:!0}),e.DatePicker=e.CalendarPopupControl=void 0;var i=si(),a=ci(),o=function(e){r(t,e);function t(t){var n=e.call(this)||this;return n._owner=t,n}return t.prototype.renderContent=function(){var e=this,t=document.createElement(`div`);return t.className=`ms-ctrl ms-calendarPopup`,this._calendar=new a.Calendar,this._calendar.date=this._owner.value,this._calendar.onDateChanged=function(t){e._owner.value=t.date,e.closePopup(!1)},this._calendar.attach(t),t},t.prototype.focus=function(){this._calendar&&this._calendar.focus()},t}(i.PopupControl);e.CalendarPopupControl=o,e.DatePicker=function(e){r(t,e);function t(){return e!==null&&e.apply(this,arguments)||this}return t.prototype.validateRootElement=function(e){if(!(e instanceof HTMLDivElement))throw Error(`DatePicker requires a DIV element as its root.`)},t.prototype.createPopupControl=function(){return new o(this)},t.prototype.getValueAsString=function(){return this.value.toLocaleDateString()},t.prototype.getCssClassName=function(){return`ms-ctrl ms-ctrl-datePicker`},t.prototype.getButtonIconCssClassName=function(){return`ms-icon-calendar`},t.prototype.popup=function(){e.prototype.popup.call(this),this.isOpen&&this.popupControl.focus()},t}(i.InputWithPopup)})),di=e(((e,t,n)=>{var r=n&&n.__extends||(function(){var e=function(t,n){return e=Object.setPrototypeOf||{__proto__:[]}instanceof Array&&function(e,t){e.__proto__=t}||function(e,t){for(var n in t)Object.prototype.hasOwnProperty.call(t,n)&&(e[n]=t[n])},e(t,n)};return function(t,n){if(typeof n!=`function`&&n!==null)throw TypeError(`Class extends value `+String(n)+` is not a constructor or null`);e(t,n);function r(){this.constructor=t}t.prototype=n===null?Object.create(n):(r.prototype=n.prototype,new r)}})();Object.defineProperty(e,"__esModule",{value:!0}),e.CheckBox=void 0;var i=Y(),a=Z(),o=X();e.CheckBox=function(e){r(t,e);function t(){var t=e!==null&&e.apply(this,arguments)||this;return t._label=``,t._checkboxElement=null,t._spanElement=null,t}return t.createId=function(){var e=t.creationIndex;return t.creationIndex++,e},t.prototype.changed=function(){this.onChange&&this.onChange(this)},t.prototype.keyDown=function(e){switch(e.key){case i.Constants.keys.enter:this.isChecked=!this.isChecked}},t.prototype.attach=function(n){var r=this;e.prototype.attach.call(this,n),n.className=`ms-ctrl ms-ctrl-checkbox`,n.tabIndex=0;var i=n.attributes.label;i&&(this._label=i.value);var a=n.attributes.ischecked;a&&(this._isChecked=a.value===`true`),this._checkboxElement=document.createElement(`input`),this._checkboxElement.id=`ms-ctrl-checkbox-`+t.createId(),this._checkboxElement.type=`checkbox`,this._checkboxElement.style.position=`absolute`,this._checkboxElement.checked=this.isChecked,this._checkboxElement.onchange=function(e){r.changed()};var s=document.createElement(`label`);s.htmlFor=this._checkboxElement.id,this._spanElement=document.createElement(`span`),this._spanElement.innerText=this._label,s.appendChild(this._spanElement),(0,o.clearElement)(n),n.appendChild(this._checkboxElement),n.appendChild(s)},Object.defineProperty(t.prototype,"label",{get:function(){return this._label},set:function(e){this._label=e,this._spanElement&&(this._spanElement.innerText=this._label)},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"isChecked",{get:function(){return this._isChecked},set:function(e){this._isChecked!=e&&(this._isChecked=e,this._checkboxElement&&(this._checkboxElement.checked=this._isChecked),this.changed())},enumerable:!1,configurable:!0}),t.creationIndex=0,t}(a.InputControl)})),fi=e(((e,t,n)=>{var r=n&&n.__extends||(function(){var e=function(t,n){return e=Object.setPrototypeOf||{__proto__:[]}instanceof Array&&function(e,t){e.__proto__=t}||function(e,t){for(var n in t)Object.prototype.hasOwnProperty.call(t,n)&&(e[n]=t[n])},e(t,n)};return function(t,n){if(typeof n!=`function`&&n!==null)throw TypeError(`Class extends value `+String(n)+` is not a constructor or null`);e(t,n);function r(){this.constructor=t}t.prototype=n===null?Object.create(n):(r.prototype=n.prototype,new r)}})();Object.defineProperty(e,"__esModule",{value:!0}),e.RadioButton=void 0;var i=Y(),a=Z(),o=X();e.RadioButton=function(e){r(t,e);function t(){var t=e!==null&&e.apply(this,arguments)||this;return t._label=``,t._checkboxElement=null,t._spanElement=null,t}return t.createId=function(){var e=t.creationIndex;return t.creationIndex++,e},t.prototype.changed=function(){this.onChange&&this.onChange(this)},t.prototype.keyDown=function(e){switch(e.key){case i.Constants.keys.enter:this.isChecked=!this.isChecked}},t.prototype.attach=function(n){var r=this;e.prototype.attach.call(this,n),n.className=`ms-ctrl ms-ctrl-radiobutton`,n.tabIndex=0;var i=n.attributes.label;i&&(this._label=i.value);var a=n.attributes.ischecked;a&&(this._isChecked=a.value===`true`),this._checkboxElement=document.createElement(`input`),this._checkboxElement.id=`ms-ctrl-radio-`+t.createId(),this._checkboxElement.type=`radio`,this._checkboxElement.style.position=`absolute`,this._checkboxElement.checked=this.isChecked,this._checkboxElement.onchange=function(e){r.changed()};var s=n.attributes.groupname;s&&(this._checkboxElement.name=s.value);var c=document.createElement(`label`);c.htmlFor=this._checkboxElement.id,this._spanElement=document.createElement(`span`),this._spanElement.innerText=this._label,c.appendChild(this._spanElement),(0,o.clearElement)(n),n.appendChild(this._checkboxElement),n.appendChild(c)},Object.defineProperty(t.prototype,"label",{get:function(){return this._label},set:function(e){this._label=e,this._spanElement&&(this._spanElement.innerText=this._label)},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"isChecked",{get:function(){return this._isChecked},set:function(e){this._isChecked!=e&&(this._isChecked=e,this._checkboxElement&&(this._checkboxElement.checked=this._isChecked),this.changed())},enumerable:!1,configurable:!0}),t.creationIndex=0,t}(a.InputControl)})),pi=e(((e,t,n)=>{var r=n&&n.__extends||(function(){var e=function(t,n){return e=Object.setPrototypeOf||{__proto__:[]}instanceof Array&&function(e,t){e.__proto__=t}||function(e,t){for(var n in t)Object.prototype.hasOwnProperty.call(t,n)&&(e[n]=t[n])},e(t,n)};return function(t,n){if(typeof n!=`function`&&n!==null)throw TypeError(`Class extends value `+String(n)+` is not a constructor or null`);e(t,n);function r(){this.constructor=t}t.prototype=n===null?Object.create(n):(r.prototype=n.prototype,new r)}})();Object.defineProperty(e,"__esModule",{value:!0}),e.TextBox=void 0;var i=X(),a=Z(),o=function(){function e(){}return e.prototype.changed=function(){this.onChange&&this.onChange()},e}(),s=function(e){r(t,e);function t(){var t=e.call(this)||this;return t._inputElement=document.createElement(`input`),t._inputElement.className=`ms-ctrl ms-ctrl-textbox`,t._inputElement.type=`text`,t._inputElement.oninput=function(e){t.changed()},t}return Object.defineProperty(t.prototype,"element",{get:function(){return this._inputElement},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"placeholder",{set:function(e){this._inputElement.placeholder=e},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"lineCount",{set:function(e){},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"maxLength",{set:function(e){this._inputElement.maxLength!=e&&(this._inputElement.maxLength=e,this.value=this.value.substr(0,e))},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"value",{get:function(){return this._inputElement.value},set:function(e){this._inputElement.value=e},enumerable:!1,configurable:!0}),t}(o),c=function(e){r(t,e);function t(){var t=e.call(this)||this;return t._textareaElement=document.createElement(`textarea`),t._textareaElement.className=`ms-ctrl ms-ctrl-textbox ms-ctrl-textbox-multiline`,t._textareaElement.oninput=function(e){t.changed()},t}return Object.defineProperty(t.prototype,"element",{get:function(){return this._textareaElement},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"placeholder",{set:function(e){this._textareaElement.placeholder=e},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"lineCount",{set:function(e){this._textareaElement.rows=e},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"maxLength",{set:function(e){this._textareaElement.maxLength!=e&&(this._textareaElement.maxLength=e,this.value=this.value.substr(0,e))},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"value",{get:function(){return this._textareaElement.value},set:function(e){this._textareaElement.value=e},enumerable:!1,configurable:!0}),t}(o);e.TextBox=function(e){r(t,e);function t(){var t=e!==null&&e.apply(this,arguments)||this;return t._isMultiline=!1,t._lineCount=3,t}return t.prototype.editBoxChanged=function(){this.onChange&&this.onChange(this)},t.prototype.recreateEditBox=function(){var e=this,t=null;t=this._editBox?this._editBox.value:this.rootElement.innerText,this._editBox=this._isMultiline?new c:new s,t&&(this._editBox.value=t),this._editBox.lineCount=this._lineCount,this._editBox.maxLength=this._maxLength,this._editBox.placeholder=this._placeholder,this._editBox.onChange=function(){e.editBoxChanged()},i.clearElement(this.rootElement),this.rootElement.appendChild(this._editBox.element)},Object.defineProperty(t.prototype,"editBox",{get:function(){return this._editBox||this.recreateEditBox(),this._editBox},enumerable:!1,configurable:!0}),t.prototype.attach=function(t){e.prototype.attach.call(this,t),this._isMultiline=i.getAttributeValueAsBool(t,`ismultiline`,!1),this._lineCount=i.getAttributeValueAsInt(t,`lines`,3),this._maxLength=i.getAttributeValueAsInt(t,`maxlength`,5e4),this._placeholder=i.getAttributeValueAsString(t,`placeholder`,null),this.recreateEditBox()},Object.defineProperty(t.prototype,"value",{get:function(){return this.editBox.value},set:function(e){this.editBox.value=e},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"placeholder",{get:function(){return this._placeholder},set:function(e){this._placeholder=e,this.editBox.placeholder=e},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"isMultiline",{get:function(){return this._isMultiline},set:function(e){this._isMultiline!=e&&(this._isMultiline=e,this.recreateEditBox())},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"lineCount",{get:function(){return this._lineCount},set:function(e){e>0&&(this._lineCount=e,this.editBox.lineCount=e)},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"maxLength",{get:function(){return this._maxLength},set:function(e){e>0&&(this._maxLength=e,this.editBox.maxLength=e)},enumerable:!1,configurable:!0}),t}(a.InputControl)})),mi=e(((e,t,n)=>{var r=n&&n.__extends||(function(){var e=function(t,n){return e=Object.setPrototypeOf||{__proto__:[]}instanceof Array&&function(e,t){e.__proto__=t}||function(e,t){for(var n in t)Object.prototype.hasOwnProperty.call(t,n)&&(e[n]=t[n])},e(t,n)};return function(t,n){if(typeof n!=`function`&&n!==null)throw TypeError(`Class extends value `+String(n)+` is not a constructor or null`);e(t,n);function r(){this.constructor=t}t.prototype=n===null?Object.create(n):(r.prototype=n.prototype,new r)}})();Object.defineProperty(e,"__esModule",{value:!0}),e.PopupMenu=void 0;var i=Y(),a=oi();e.PopupMenu=function(e){r(t,e);function t(){var t=e.call(this)||this;return t._items=new a.Collection,t._renderedItems=[],t._selectedIndex=-1,t}return t.prototype.renderContent=function(){var e=document.createElement(`div`);e.className=`ms-ctrl ms-popup`,e.setAttribute(`role`,`listbox`);for(var t=0;t<this._items.length;t++){var n=this._items.get(t).render();n.tabIndex=0,e.appendChild(n),t==this.selectedIndex&&n.focus(),this._renderedItems.push(n)}return e},t.prototype.keyDown=function(t){e.prototype.keyDown.call(this,t);var n=this._selectedIndex;switch(t.key){case i.Constants.keys.tab:this.closePopup(!0);break;case i.Constants.keys.up:n<=0?n=this._renderedItems.length-1:(n--,n<0&&(n=this._renderedItems.length-1)),this.selectedIndex=n,t.cancelBubble=!0;break;case i.Constants.keys.down:n<0?n=0:(n++,n>=this._renderedItems.length&&(n=0)),this.selectedIndex=n,t.cancelBubble=!0}},Object.defineProperty(t.prototype,"items",{get:function(){return this._items},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"selectedIndex",{get:function(){return this._selectedIndex},set:function(e){e>=0&&e<this._renderedItems.length&&(this._renderedItems[e].focus(),this._selectedIndex=e)},enumerable:!1,configurable:!0}),t}(si().PopupControl)})),Q=e(((e,t,n)=>{var r=n&&n.__createBinding||(Object.create?(function(e,t,n,r){r===void 0&&(r=n),Object.defineProperty(e,r,{enumerable:!0,get:function(){return t[n]}})}):(function(e,t,n,r){r===void 0&&(r=n),e[r]=t[n]})),i=n&&n.__exportStar||function(e,t){for(var n in e)n!=="default"&&!Object.prototype.hasOwnProperty.call(t,n)&&r(t,e,n)};Object.defineProperty(e,"__esModule",{value:!0}),i(Y(),e),i(ai(),e),i(X(),e),i(oi(),e),i(Z(),e),i(si(),e),i(ci(),e),i(li(),e),i(ui(),e),i(di(),e),i(fi(),e),i(pi(),e),i(mi(),e)})),hi=e((e=>{Object.defineProperty(e,"__esModule",{value:!0}),e.TreeView=void 0;var t=Q();e.TreeView=function(){function e(e){this.rootItem=e,this._selectedItem=void 0}return e.prototype.setupTreeItemEvents=function(e){var t=this;e.onSelectedChange=function(e){t.selectedItem=e},e.onItemInvoked=function(e){t.itemInvoked(e)};for(var n=0;n<e.getChildCount();n++)this.setupTreeItemEvents(e.getChildAt(n))},e.prototype.getVisibleTreeItems=function(){return Array.from((this.rootItem?.renderedElement)?.querySelectorAll(`:scope [role='treeitem']`))?.filter(function(e){return!e.parentElement.closest(`.acd-hidden, [role='tree']`)?.classList.contains(`acd-hidden`)})},e.moveFocus=function(e,t){t.tabIndex=0,t.focus(),e.tabIndex=-1},e.prototype.selectedItemChanged=function(){this.onSelectedItemChanged&&this.onSelectedItemChanged(this)},e.prototype.itemInvoked=function(e){this.onItemInvoked&&this.onItemInvoked(e)},e.prototype.focus=function(){var e;(e=this.rootItem)==null||e.focus()},e.prototype.render=function(){var n=this,r=document.createElement(`ul`);r.style.paddingLeft=`0`,r.style.listStyleType=`none`,r.className=`acd-treeView`,r.setAttribute(`role`,`tree`),r.onkeydown=function(r){var i=r.target,a=!0;switch(r.key){case t.Constants.keys.up:var o=n.getVisibleTreeItems(),s=o.findIndex(function(e){return e===i});if(s>0){var c=o.at(s-1);e.moveFocus(i,c)}else e.moveFocus(i,n.rootItem.renderedElement);break;case t.Constants.keys.down:var o=n.getVisibleTreeItems(),s=o.findIndex(function(e){return e===i});if(s+1<o.length){var c=o.at(s+1);e.moveFocus(i,c)}break;default:a=!1}a&&(r.cancelBubble=!0,r.preventDefault())};var i=this.rootItem.render();return i.tabIndex=0,r.appendChild(i),this.setupTreeItemEvents(this.rootItem),r},Object.defineProperty(e.prototype,"selectedItem",{get:function(){return this._selectedItem},set:function(e){e!==this._selectedItem&&(this._selectedItem&&(this._selectedItem.isSelected=!1),this._selectedItem=e,this._selectedItem&&(this._selectedItem.isSelected=!0),this.selectedItemChanged())},enumerable:!1,configurable:!0}),e}()})),gi=e((e=>{Object.defineProperty(e,"__esModule",{value:!0}),e.DraggableElement=e.DRAG_THRESHOLD=void 0;var t=Q();e.DRAG_THRESHOLD=10,e.DraggableElement=function(){function n(){}return n.prototype.releasePointerCapture=function(e){this.getDragSourceElement().releasePointerCapture(e),this._isPointerDown=!1},Object.defineProperty(n.prototype,"isPointerOver",{get:function(){return this._isPointerOver},set:function(e){e!=this._isPointerOver&&(this._isPointerOver=e,this.updateLayout())},enumerable:!1,configurable:!0}),n.prototype.startDrag=function(){this.isDraggable()&&!this.dragging&&(this.dragging=!0,this.onStartDrag&&this.onStartDrag(this))},n.prototype.pointerDown=function(e){this._isPointerDown||(this._isPointerDown=!0,this._lastClickedPoint={x:e.offsetX,y:e.offsetY},this.getDragSourceElement().setPointerCapture(e.pointerId))},n.prototype.pointerUp=function(e){this._isPointerDown&&(this.releasePointerCapture(e.pointerId),this.endDrag())},n.prototype.pointerMove=function(t){this._isPointerDown&&(Math.abs(t.offsetX-this._lastClickedPoint.x)>=e.DRAG_THRESHOLD||Math.abs(t.offsetY-this._lastClickedPoint.y)>=e.DRAG_THRESHOLD)&&(this.releasePointerCapture(t.pointerId),this.startDrag())},n.prototype.click=function(e){this.onClick&&this.onClick(this)},n.prototype.doubleClick=function(e){this.onDoubleClick&&this.onDoubleClick(this)},n.prototype.internalUpdateCssStyles=function(){},n.prototype.internalUpdateLayout=function(){},n.prototype.getDragSourceElement=function(){return this._renderedElement},n.prototype.isDraggable=function(){return!0},n.prototype.endDrag=function(){this.dragging&&(this.dragging=!1,this.onEndDrag&&this.onEndDrag(this))},n.prototype.updateLayout=function(){this.internalUpdateCssStyles(),this.internalUpdateLayout()},n.prototype.render=function(){var e=this;this._renderedElement=this.internalRender();var n=this.getDragSourceElement();return n.onclick=function(t){e.click(t)},n.onkeydown=function(n){(n.key===t.Constants.keys.enter||n.key===t.Constants.keys.space)&&(n.preventDefault(),e.onClick?e.click(null):e.onDoubleClick&&e.doubleClick(null))},n.ondblclick=function(t){e.doubleClick(t)},this.isDraggable()&&(n.onmousedown=function(e){e.preventDefault()},n.onpointerenter=function(){e.isPointerOver=!0},n.onpointerleave=function(){e.isPointerOver=!1},n.onpointerdown=function(t){e.pointerDown(t)},n.onpointerup=function(t){e.pointerUp(t)},n.onpointermove=function(t){e.pointerMove(t)}),this._renderedElement},n.prototype.focus=function(){this._renderedElement&&this._renderedElement.focus()},Object.defineProperty(n.prototype,"renderedElement",{get:function(){return this._renderedElement},enumerable:!1,configurable:!0}),Object.defineProperty(n.prototype,"dragging",{get:function(){return this._dragging},set:function(e){this._dragging=e,this.internalUpdateCssStyles()},enumerable:!1,configurable:!0}),n}()})),_i=e(((e,t,n)=>{var r=n&&n.__extends||(function(){var e=function(t,n){return e=Object.setPrototypeOf||{__proto__:[]}instanceof Array&&function(e,t){e.__proto__=t}||function(e,t){for(var n in t)Object.prototype.hasOwnProperty.call(t,n)&&(e[n]=t[n])},e(t,n)};return function(t,n){if(typeof n!=`function`&&n!==null)throw TypeError(`Class extends value `+String(n)+` is not a constructor or null`);e(t,n);function r(){this.constructor=t}t.prototype=n===null?Object.create(n):(r.prototype=n.prototype,new r)}})();Object.defineProperty(e,"__esModule",{value:!0}),e.BaseTreeItem=void 0;var i=gi(),a=Q(),o=p();e.BaseTreeItem=function(e){r(t,e);function t(t){t===void 0&&(t=!0);var n=e.call(this)||this;return n._isExpanded=!0,n._isSelected=!1,n._level=0,n._isExpanded=t,n}return t.prototype.needsToBeScrolled=function(){var e=this._rootElement.closest(`.acd-treeView-host`).parentElement;return e&&e.scrollHeight>e.clientHeight},t.prototype.setIsSelected=function(e,t){this._isSelected!==e&&(this._isSelected=e,this._isSelected?this._treeItemElement.classList.add(`selected`):this._treeItemElement.classList.remove(`selected`),this._rootElement.setAttribute(`aria-current`,this._isSelected.toString()),this.selectedChanged(t))},t.prototype.click=function(t){e.prototype.click.call(this,t),this.setIsSelected(!0,!1)},t.prototype.getIconClass=function(){return null},t.prototype.getAdditionalText=function(){return null},t.prototype.getAdditionalTextClass=function(){return`acd-tree-item-additionalText`},t.prototype.getIndentationLevelIncrement=function(){return 8},t.prototype.getDragSourceElement=function(){return this._treeItemElement},t.prototype.selectedChanged=function(e){this.isSelected&&e&&this.needsToBeScrolled()&&this._rootElement.scrollIntoView(),this.onSelectedChange&&this.onSelectedChange(this)},t.prototype.itemInvoked=function(){this.onItemInvoked&&this.onItemInvoked(this)},t.prototype.getExpandCollapseAriaText=function(){return(this._isExpanded?`collapse`:`expand`)+` `+this.getLabelText()+` element`},t.prototype.handleKeyboardLeftNav=function(){if(this._isExpanded&&this.getChildCount()>0)this._isExpanded=!1,this.updateLayout(),this._rootElement.tabIndex=0,this._rootElement.focus();else{var e=this._rootElement.parentElement.closest(`[role='treeitem'], [role='tree']`),t=e?.getAttribute(`role`);t===`treeitem`?(e.tabIndex=0,e.focus(),this._rootElement.tabIndex=-1):t==`tree`&&(this._rootElement.tabIndex=0,this._rootElement.focus())}},t.prototype.handleKeyboardRightNav=function(){if(this.getChildCount()>0){if(this._isExpanded){var e=this._childContainerElement.firstElementChild;e.tabIndex=0,e.focus(),this._rootElement.tabIndex=-1}else this._isExpanded=!0,this.updateLayout()}},t.prototype.internalRender=function(){var e=this,t=this.getChildCount()>0,n=(0,o.v4)();this._rootElement=document.createElement(`li`),this._rootElement.style.paddingLeft=`0`,this._rootElement.style.listStyleType=`none`,this._rootElement.setAttribute(`aria-labelledby`,n),this._rootElement.setAttribute(`aria-level`,this._level.toString()),this._rootElement.setAttribute(`aria-current`,this._isSelected.toString()),this._rootElement.tabIndex=-1,t&&this._rootElement.setAttribute(`aria-expanded`,this._isExpanded.toString()),this._rootElement.setAttribute(`role`,`treeitem`),this._rootElement.onclick=function(){e.click},this._rootElement.onfocus=function(){e.setIsSelected(!0,!1)},this._rootElement.onkeydown=function(t){var n=!0;switch(t.key){case a.Constants.keys.enter:e.itemInvoked();break;case a.Constants.keys.left:e.handleKeyboardLeftNav();break;case a.Constants.keys.right:e.handleKeyboardRightNav();break;default:n=!1}n&&(t.preventDefault(),t.cancelBubble=!0)},this._treeItemElement=document.createElement(`div`),this._treeItemElement.classList.add(`acd-tree-item`),this._treeItemElement.style.display=`flex`,this._treeItemElement.style.alignItems=`center`,this._treeItemElement.style.paddingLeft=this.getIndentationLevelIncrement()*(1+this.level)+`px`,this._treeItemElement.classList.toggle(`selected`,this._isSelected),this._treeItemElement.setAttribute(`aria-labelledby`,n),this._expandCollapseElement=document.createElement(`div`),this._expandCollapseElement.classList.add(`acd-tree-item-expandCollapseButton`),this._expandCollapseElement.style.flex=`0 0 auto`,this._expandCollapseElement.style.visibility=t?`visible`:`hidden`,this._expandCollapseElement.setAttribute(`role`,`button`),this._expandCollapseElement.setAttribute(`aria-label`,this.getExpandCollapseAriaText()),this._expandCollapseElement.onclick=function(t){e._isExpanded=!e._isExpanded,e.updateLayout(),t.cancelBubble=!0,t.preventDefault()},this._treeItemElement.appendChild(this._expandCollapseElement);var r=document.createElement(`div`);if(r.classList.add(`acd-tree-item-text`),r.style.flex=`1 1 auto`,r.style.display=`flex`,r.style.alignItems=`center`,r.style.whiteSpace=`nowrap`,r.style.textOverflow=`ellipsis`,r.style.overflow=`hidden`,r.style.marginRight=`8px`,this.getIconClass()){var i=document.createElement(`div`);i.classList.add(`acd-icon`,`acd-treeView-icon`,this.getIconClass()),r.appendChild(i)}var s=document.createElement(`span`);s.classList.add(`acd-tree-item-typeName`),s.innerText=this.getLabelText(),s.id=n,r.appendChild(s);var c=this.getAdditionalText();if(c&&c!=``){var l=document.createElement(`span`);l.classList.add(this.getAdditionalTextClass()),l.innerText=` [`+c+`]`,r.appendChild(l)}if(this._treeItemElement.appendChild(r),this._rootElement.appendChild(this._treeItemElement),t){this._childContainerElement=document.createElement(`ul`),this._childContainerElement.style.paddingLeft=`0`,this._childContainerElement.style.listStyleType=`none`,this._childContainerElement.setAttribute(`role`,`group`);for(var u=0;u<this.getChildCount();u++){var d=this.getChildAt(u).render();d.setAttribute(`aria-posinset`,(u+1).toString()),d.setAttribute(`aria-setsize`,this.getChildCount().toString()),this._childContainerElement.appendChild(d)}this._rootElement.appendChild(this._childContainerElement)}return this.updateLayout(),this._rootElement},t.prototype.updateLayout=function(){var e;this.getChildCount()>0&&(this._rootElement.setAttribute(`aria-expanded`,this._isExpanded.toString()),this._expandCollapseElement.setAttribute(`aria-label`,this.getExpandCollapseAriaText()),this._expandCollapseElement.classList.toggle(t.expandedIconClass,this._isExpanded),this._expandCollapseElement.classList.toggle(t.collapsedIconClass,!this._isExpanded),(e=this._childContainerElement)==null||e.classList.toggle(`acd-hidden`,!this._isExpanded))},t.prototype.expand=function(){this._isExpanded||(this._isExpanded=!0,this.updateLayout())},t.prototype.collpase=function(){this._isExpanded&&(this._isExpanded=!1,this.updateLayout())},t.prototype.isDraggable=function(){return!1},Object.defineProperty(t.prototype,"level",{get:function(){return this._level},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"isSelected",{get:function(){return this._isSelected},set:function(e){this.setIsSelected(e,!0)},enumerable:!1,configurable:!0}),t.collapsedIconClass=`acd-icon-chevronRight`,t.expandedIconClass=`acd-icon-chevronDown`,t}(i.DraggableElement)})),vi=e(((e,t,n)=>{var r=n&&n.__extends||(function(){var e=function(t,n){return e=Object.setPrototypeOf||{__proto__:[]}instanceof Array&&function(e,t){e.__proto__=t}||function(e,t){for(var n in t)Object.prototype.hasOwnProperty.call(t,n)&&(e[n]=t[n])},e(t,n)};return function(t,n){if(typeof n!=`function`&&n!==null)throw TypeError(`Class extends value `+String(n)+` is not a constructor or null`);e(t,n);function r(){this.constructor=t}t.prototype=n===null?Object.create(n):(r.prototype=n.prototype,new r)}})();Object.defineProperty(e,"__esModule",{value:!0}),e.DataTreeItem=void 0,e.DataTreeItem=function(e){r(t,e);function t(t){var n=e.call(this)||this;n._children=null,n.field=t,n._level=0;for(var r=t;r;)n._level++,r=r.parent;return n}return t.prototype.buildChildList=function(){if(!this._children){this._children=[];var e=this.field.children;if(e)for(var n=Object.keys(e),r=0,i=n;r<i.length;r++){var a=i[r];this._children.push(new t(e[a]))}}},t.prototype.getLabelText=function(){return this.field.displayName},t.prototype.getAdditionalText=function(){return this.field.valueType},t.prototype.getAdditionalTextClass=function(){return`acd-data-tree-item-additionalText`},t.prototype.isDraggable=function(){return!1},t.prototype.getChildCount=function(){return this.buildChildList(),this._children.length},t.prototype.getChildAt=function(e){return this.buildChildList(),this._children[e]},t}(_i().BaseTreeItem)})),yi=e(((e,t,n)=>{var r=n&&n.__extends||(function(){var e=function(t,n){return e=Object.setPrototypeOf||{__proto__:[]}instanceof Array&&function(e,t){e.__proto__=t}||function(e,t){for(var n in t)Object.prototype.hasOwnProperty.call(t,n)&&(e[n]=t[n])},e(t,n)};return function(t,n){if(typeof n!=`function`&&n!==null)throw TypeError(`Class extends value `+String(n)+` is not a constructor or null`);e(t,n);function r(){this.constructor=t}t.prototype=n===null?Object.create(n):(r.prototype=n.prototype,new r)}})();Object.defineProperty(e,"__esModule",{value:!0}),e.FieldPicker=void 0;var i=Q(),a=hi(),o=vi();e.FieldPicker=function(e){r(t,e);function t(t){var n=e.call(this)||this;return n.dataStructure=t,n}return t.prototype.renderContent=function(){var e=this,t=document.createElement(`div`);t.className=`acd-fieldPicker-host`;var n=new o.DataTreeItem(this.dataStructure);return this._treeView=new a.TreeView(n),this._treeView.onItemInvoked=function(t){e._selectedField=t.field,e.closePopup(!1)},t.appendChild(this._treeView.render()),t},t.prototype.render=function(t){var n=e.prototype.render.call(this,t);return n.tabIndex=-1,n},t.prototype.focus=function(){this._treeView&&this._treeView.focus()},t.prototype.keyDown=function(t){e.prototype.keyDown.call(this,t)},Object.defineProperty(t.prototype,"selectedField",{get:function(){return this._selectedField},enumerable:!1,configurable:!0}),t}(i.PopupControl)})),bi=e((e=>{Object.defineProperty(e,"__esModule",{value:!0}),e.defaultHostConfig=e.Utils=e.Rect=void 0;var t=(f(),s(m));e.Rect=function(){function e(e,t,n,r){e===void 0&&(e=0),t===void 0&&(t=0),n===void 0&&(n=0),r===void 0&&(r=0),this.top=e,this.right=t,this.bottom=n,this.left=r}return e.prototype.union=function(e){this.top=Math.min(this.top,e.top),this.left=Math.min(this.left,e.left),this.bottom=Math.max(this.bottom,e.bottom),this.right=Math.max(this.right,e.right)},e.prototype.isInside=function(e){return e.x>=this.left&&e.x<=this.right&&e.y>=this.top&&e.y<=this.bottom},Object.defineProperty(e.prototype,"width",{get:function(){return this.right-this.left},enumerable:!1,configurable:!0}),Object.defineProperty(e.prototype,"height",{get:function(){return this.bottom-this.top},enumerable:!1,configurable:!0}),e}(),e.Utils=function(){function e(){}return e.isAbsoluteUrl=function(e){return e.indexOf(`http://`)===0||e.indexOf(`https://`)===0},e.joinPaths=function(){return[...arguments].map(function(e,t){return e||=``,t===0?e.trim().replace(/[\/]*$/g,``):e.trim().replace(/(^[\/]*|[\/]*$)/g,``)}).filter(function(e){return e.length}).join(`/`)},e.adjustPointForScroll=function(e){var t=document.firstElementChild;return{x:e.x+t.scrollLeft,y:e.y+t.scrollTop}},e}(),e.defaultHostConfig=new t.HostConfig({preExpandSingleShowCardAction:!0,supportsInteractivity:!0,spacing:{small:10,default:20,medium:30,large:40,extraLarge:50,padding:20},separator:{lineThickness:1,lineColor:`#EEEEEE`},textAlign:{right:`right`},imageSizes:{small:40,medium:80,large:160},fontStyles:{default:{fontFamily:`'Segoe UI', Tahoma, Geneva, Verdana, sans-serif`,fontSizes:{small:12,default:14,medium:17,large:21,extraLarge:26},fontWeights:{lighter:200,default:400,bolder:600}},monospace:{fontFamily:`'Courier New', Courier, monospace`,fontSizes:{small:12,default:14,medium:17,large:21,extraLarge:26},fontWeights:{lighter:200,default:400,bolder:600}}},containerStyles:{default:{backgroundColor:`#f9f9f9`,foregroundColors:{default:{default:`#333333`,subtle:`#EE333333`},accent:{default:`#2E89FC`,subtle:`#882E89FC`},attention:{default:`#cc3300`,subtle:`#DDcc3300`},good:{default:`#028A02`,subtle:`#DD027502`},warning:{default:`#e69500`,subtle:`#DDe69500`}}},emphasis:{backgroundColor:`#08000000`,foregroundColors:{default:{default:`#333333`,subtle:`#EE333333`},accent:{default:`#2E89FC`,subtle:`#882E89FC`},attention:{default:`#cc3300`,subtle:`#DDcc3300`},good:{default:`#028A02`,subtle:`#DD027502`},warning:{default:`#e69500`,subtle:`#DDe69500`}}},accent:{backgroundColor:`#C7DEF9`,foregroundColors:{default:{default:`#333333`,subtle:`#EE333333`},dark:{default:`#000000`,subtle:`#66000000`},light:{default:`#FFFFFF`,subtle:`#33000000`},accent:{default:`#2E89FC`,subtle:`#882E89FC`},attention:{default:`#cc3300`,subtle:`#DDcc3300`},good:{default:`#028A02`,subtle:`#DD027502`},warning:{default:`#e69500`,subtle:`#DDe69500`}}},good:{backgroundColor:`#CCFFCC`,foregroundColors:{default:{default:`#333333`,subtle:`#EE333333`},dark:{default:`#000000`,subtle:`#66000000`},light:{default:`#FFFFFF`,subtle:`#33000000`},accent:{default:`#2E89FC`,subtle:`#882E89FC`},attention:{default:`#cc3300`,subtle:`#DDcc3300`},good:{default:`#028A02`,subtle:`#DD027502`},warning:{default:`#e69500`,subtle:`#DDe69500`}}},attention:{backgroundColor:`#FFC5B2`,foregroundColors:{default:{default:`#333333`,subtle:`#EE333333`},dark:{default:`#000000`,subtle:`#66000000`},light:{default:`#FFFFFF`,subtle:`#33000000`},accent:{default:`#2E89FC`,subtle:`#882E89FC`},attention:{default:`#cc3300`,subtle:`#DDcc3300`},good:{default:`#028A02`,subtle:`#DD027502`},warning:{default:`#e69500`,subtle:`#DDe69500`}}},warning:{backgroundColor:`#FFE2B2`,foregroundColors:{default:{default:`#333333`,subtle:`#EE333333`},dark:{default:`#000000`,subtle:`#66000000`},light:{default:`#FFFFFF`,subtle:`#33000000`},accent:{default:`#2E89FC`,subtle:`#882E89FC`},attention:{default:`#cc3300`,subtle:`#DDcc3300`},good:{default:`#028A02`,subtle:`#DD027502`},warning:{default:`#e69500`,subtle:`#DDe69500`}}}},actions:{maxActions:5,spacing:t.Spacing.Default,buttonSpacing:10,showCard:{actionMode:t.ShowCardActionMode.Inline,inlineTopMargin:16},actionsOrientation:t.Orientation.Horizontal,actionAlignment:t.ActionAlignment.Left},adaptiveCard:{allowCustomStyle:!0},imageSet:{imageSize:t.Size.Medium,maxImageHeight:100},factSet:{title:{color:t.TextColor.Default,size:t.TextSize.Default,isSubtle:!1,weight:t.TextWeight.Bolder,wrap:!0,maxWidth:150},value:{color:t.TextColor.Default,size:t.TextSize.Default,isSubtle:!1,weight:t.TextWeight.Default,wrap:!0},spacing:10}}),e.defaultHostConfig.cssClassNamePrefix=`default`})),xi=e((e=>{Object.defineProperty(e,"__esModule",{value:!0}),e.PeerCommand=void 0,e.PeerCommand=function(){function e(e){this.alwaysShowName=!1,this.toolTip=void 0,this.isPromotable=!1,this.showInPropertySheet=!1,Object.assign(this,e)}return e.prototype.internalRender=function(){var e=this,t=document.createElement(`button`);if(t.classList.add(`acd-peerButton`),t.type=`button`,t.setAttribute(`role`,`button`),t.title=this.toolTip?this.toolTip:this.name,t.setAttribute(`aria-label`,this.toolTip??this.name),t.tabIndex=0,this.iconClass){var n=document.createElement(`div`);n.classList.add(`acd-peerButton-icon`,this.iconClass),t.appendChild(n)}if(this.name&&(!this.iconClass||this.alwaysShowName)){var r=document.createElement(`div`);r.classList.add(`acd-peerButton-text`),r.innerText=this.name,t.classList.add(`variableWidth`),t.appendChild(r)}else t.classList.add(`fixedWidth`);return t.onclick=function(n){e.execute&&e.execute(e,t)},t.onpointerdown=function(e){e.cancelBubble=!0},t},e.prototype.render=function(){return this._renderedElement=this.internalRender(),this._renderedElement},Object.defineProperty(e.prototype,"renderedElement",{get:function(){return this._renderedElement},enumerable:!1,configurable:!0}),e}()})),Si=e(((e,t,n)=>{var r=n&&n.__extends||(function(){var e=function(t,n){return e=Object.setPrototypeOf||{__proto__:[]}instanceof Array&&function(e,t){e.__proto__=t}||function(e,t){for(var n in t)Object.prototype.hasOwnProperty.call(t,n)&&(e[n]=t[n])},e(t,n)};return function(t,n){if(typeof n!=`function`&&n!==null)throw TypeError(`Class extends value `+String(n)+` is not a constructor or null`);e(t,n);function r(){this.constructor=t}t.prototype=n===null?Object.create(n):(r.prototype=n.prototype,new r)}})();Object.defineProperty(e,"__esModule",{value:!0}),e.DesignerPeerTreeItem=void 0;var i=_i(),a=Ei();e.DesignerPeerTreeItem=function(e){r(t,e);function t(t,n){n===void 0&&(n=!0);var r=e.call(this,n)||this;return r.owner=t,r.owner.onParentChanged=function(e){r.computeLevel()},r.computeLevel(),r}return t.prototype.computeLevel=function(){this._level=0;for(var e=this.owner;e;)this._level++,e=e.parent;for(var t=0;t<this.getChildCount();t++)this.getChildAt(t).computeLevel()},t.prototype.getIconClass=function(){return this.owner.registration.iconClass},t.prototype.getLabelText=function(){return this.owner.getCardObject().getJsonTypeName()},t.prototype.getAdditionalText=function(){return this.owner.getTreeItemText()},t.prototype.selectedChanged=function(t){e.prototype.selectedChanged.call(this,t),this.owner.isSelected=this.isSelected},t.prototype.getChildCount=function(){return this.owner.getChildCount()},t.prototype.getChildAt=function(e){return this.owner.getChildAt(e).treeItem},t.prototype.click=function(t){e.prototype.click.call(this,t);for(var n=this.owner;n&&!(n instanceof a.CardElementPeer&&n.bringCardElementIntoView());)n=n.parent},t}(i.BaseTreeItem)})),Ci=n({default:()=>wi}),wi,Ti=c((()=>{wi=`/assets/xmark-kSKJC9dW.svg`})),Ei=e(((e,t,n)=>{var r=n&&n.__extends||(function(){var e=function(t,n){return e=Object.setPrototypeOf||{__proto__:[]}instanceof Array&&function(e,t){e.__proto__=t}||function(e,t){for(var n in t)Object.prototype.hasOwnProperty.call(t,n)&&(e[n]=t[n])},e(t,n)};return function(t,n){if(typeof n!=`function`&&n!==null)throw TypeError(`Class extends value `+String(n)+` is not a constructor or null`);e(t,n);function r(){this.constructor=t}t.prototype=n===null?Object.create(n):(r.prototype=n.prototype,new r)}})(),i=n&&n.__assign||function(){return i=Object.assign||function(e){for(var t,n=1,r=arguments.length;n<r;n++)for(var i in t=arguments[n],t)Object.prototype.hasOwnProperty.call(t,i)&&(e[i]=t[i]);return e},i.apply(this,arguments)};Object.defineProperty(e,"__esModule",{value:!0}),e.InputPeer=e.FactSetPeer=e.MediaPeer=e.ImagePeer=e.ImageSetPeer=e.ActionSetPeer=e.ContainerPeer=e.ColumnSetPeer=e.ColumnPeer=e.AdaptiveCardPeer=e.TypedCardElementPeer=e.CardElementPeer=e.ToggleVisibilityActionPeer=e.ShowCardActionPeer=e.OpenUrlActionPeer=e.ExecuteActionPeer=e.SubmitActionPeer=e.BaseSubmitActionPeer=e.HttpActionPeer=e.TypedActionPeer=e.ActionPeer=e.DesignerPeer=e.EnumPropertyEditor=e.CompoundPropertyEditor=e.ActionPropertyEditor=e.CarouselTimerPropertyEditor=e.SizeAndUnitPropertyEditor=e.HeightPropertyEditor=e.ColumnWidthPropertyEditor=e.NullableBooleanPropertyEditor=e.ContainerStylePropertyEditor=e.ChoicePropertyEditor=e.BooleanPropertyEditor=e.CustomCardObjectPropertyEditor=e.ObjectPropertyEditor=e.NumberPropertyEditor=e.StringArrayPropertyEditor=e.StringPropertyEditor=e.BaseStringPropertyEditor=e.SingleInputPropertyEditor=e.CustomPropertySheetEntry=e.SubPropertySheetEntry=e.PropertySheetEntry=e.PropertySheetContext=e.PropertySheet=e.PropertySheetCategory=e.DesignerPeerRegistration=e.DesignerPeerRegistrationBase=e.CardElementPeerInplaceEditor=e.DesignerPeerInplaceEditor=void 0,e.CarouselPagePeer=e.CarouselPeer=e.TablePeer=e.TableRowPeer=e.TableCellPeer=e.RichTextBlockPeer=e.TextBlockPeer=e.ChoiceSetInputPeer=e.ToggleInputPeer=e.TimeInputPeer=e.DateInputPeer=e.NumberInputPeer=e.TextInputPeer=void 0;var a=(f(),s(m)),o=Q(),c=gi(),l=xi(),u=Di(),d=Si(),p=bi(),h=ii(),g=yi(),_=ri(),v=function(){function e(){}return e}();e.DesignerPeerInplaceEditor=v;var y=function(e){r(t,e);function t(t){var n=e.call(this)||this;return n.cardElement=t,n}return t}(v);e.CardElementPeerInplaceEditor=y;var b=function(){function e(e,t){this.category=e,this._iconClass=t}return Object.defineProperty(e.prototype,"iconClass",{get:function(){return this._iconClass?this._iconClass:`acd-icon-defaultElementIcon`},enumerable:!1,configurable:!0}),e}();e.DesignerPeerRegistrationBase=b,e.DesignerPeerRegistration=function(e){r(t,e);function t(t,n,r,i){i===void 0&&(i=null);var a=e.call(this,r,i)||this;return a.sourceType=t,a.peerType=n,a}return t}(b);var x=function(){function e(e){this.name=e,this._entries=[]}return e.prototype.render=function(t,n,r){for(var i=[],o=0,s=this._entries;o<s.length;o++){var c=s[o];a.isVersionLessOrEqual(c.targetVersion,n.designContext.targetVersion)&&i.push(c)}if(i.length>0){if(r){var l=new a.TextBlock;l.separator=!0,l.text=`**`+(this.name===e.DefaultCategory?n.peer.getCardObject().getJsonTypeName():this.name)+`**`,t.addItem(l)}for(var u=0,d=i;u<d.length;u++){var c=d[u];a.isVersionLessOrEqual(c.targetVersion,n.designContext.targetVersion)&&t.addItem(c.render(n))}}},e.prototype.add=function(){var e=[...arguments];this._entries=this._entries.concat(e)},e.prototype.remove=function(){for(var e=[...arguments],t=0,n=e;t<n.length;t++){var r=n[t],i=void 0;do{var a=this._entries.indexOf(r);a>=0&&this._entries.splice(a,1)}while(i>=0)}},e.prototype.getEntryAt=function(e){return this._entries[e]},Object.defineProperty(e.prototype,"length",{get:function(){return this._entries.length},enumerable:!1,configurable:!0}),e.DefaultCategory=`__defaultCategory`,e.LayoutCategory=`Layout`,e.StyleCategory=`Style`,e.SelectionAction=`Selection action`,e.InlineAction=`Inline action`,e.Validation=`Validation`,e.Refresh=`Refresh`,e}();e.PropertySheetCategory=x;var S=function(){function e(e){e===void 0&&(e=!0),this.displayCategoryNames=e,this._categories={},this._categories[x.DefaultCategory]=new x(x.DefaultCategory),this._categories[x.LayoutCategory]=new x(x.LayoutCategory),this._categories[x.StyleCategory]=new x(x.StyleCategory)}return e.prototype.add=function(e){var t=[...arguments].slice(1),n=this._categories[e];n||(n=new x(e),this._categories[e]=n),n.add.apply(n,t)},e.prototype.addActionProperties=function(t,n,r,i,a){a===void 0&&(a=[H.iconUrlProperty,H.styleProperty,H.modeProperty]);var o=u.CardDesignerSurface.actionPeerRegistry.createPeerInstance(n.designerSurface,null,r);o.onChanged=function(e,t){n.changed(t)};var s=new e(!1);o.populatePropertySheet(s,i),a.length>0&&s.remove.apply(s,a),this.add(i,new T(t,r,s))},e.prototype.remove=function(){for(var e,t=[...arguments],n=0,r=Object.keys(this._categories);n<r.length;n++){var i=r[n];(e=this._categories[i]).remove.apply(e,t)}},e.prototype.render=function(e,t){for(var n=0,r=Object.keys(this._categories);n<r.length;n++){var i=r[n];this._categories[i].render(e,t,this.displayCategoryNames)}},e}();e.PropertySheet=S;var C=function(){function e(e,t,n){n===void 0&&(n=void 0),this.designContext=e,this.peer=t,this._target=void 0,this._target=n}return Object.defineProperty(e.prototype,"target",{get:function(){return this._target==null?this.peer.getCardObject():this._target},enumerable:!1,configurable:!0}),e}();e.PropertySheetContext=C;var w=function(){function e(e){this.targetVersion=e}return e}();e.PropertySheetEntry=w;var T=function(){function e(e,t,n){this.targetVersion=e,this.target=t,this.propertySheet=n}return e.prototype.render=function(e){var t=new a.Container;return t.spacing=a.Spacing.Small,this.propertySheet.render(t,new C(e.designContext,e.peer,this.target)),t},e}();e.SubPropertySheetEntry=T;var E=function(e){r(t,e);function t(t,n){var r=e.call(this,t)||this;return r.targetVersion=t,r.onRender=n,r}return t.prototype.render=function(e){if(this.onRender)return this.onRender(e)},t}(w);e.CustomPropertySheetEntry=E;var D=function(e){r(t,e);function t(t,n,r,i){i===void 0&&(i=!1);var a=e.call(this,t)||this;return a.targetVersion=t,a.propertyName=n,a.label=r,a.causesPropertySheetRefresh=i,a}return t.prototype.getPropertyValue=function(e){return e.target[this.propertyName]},t.prototype.setPropertyValue=function(e,t){e.target[this.propertyName]=t},t.prototype.getAdditionalCommands=function(e){return[]},t.prototype.render=function(e){var t=this,n=new a.Column;n.width=new a.SizeAndUnit(100,a.SizeUnit.Pixel),n.verticalContentAlignment=a.VerticalAlignment.Center;var r=new a.Column;r.width=`stretch`,r.verticalContentAlignment=a.VerticalAlignment.Center;var i=new a.ColumnSet;i.spacing=a.Spacing.Small,i.addColumn(n),i.addColumn(r);var o=new a.TextBlock;o.horizontalAlignment=a.HorizontalAlignment.Right,o.wrap=!0,o.text=this.label,o.id=a.generateUniqueId();var s=this.createInput(e);s.labelledBy=o.id,s.onValueChanged=function(){t.setPropertyValue(e,s.value),e.peer.changed(t.causesPropertySheetRefresh)},n.addItem(o),r.addItem(s);var c=this.getAdditionalCommands(e);if(c&&c.length>0){var l=new a.Column;l.width=`auto`,l.spacing=a.Spacing.Small,l.verticalContentAlignment=a.VerticalAlignment.Center;for(var u=new a.ActionSet,d=function(e){var n=new a.SubmitAction;n.id=e.id,n.title=e.caption,n.tooltip=e.altText,e.expanded&&(n.state=1),n.onExecute=function(n){e.onExecute(t,n.renderedElement)},u.addAction(n)},f=0,p=c;f<p.length;f++)d(p[f]);l.addItem(u),i.addColumn(l)}return i},t}(w);e.SingleInputPropertyEditor=D;var O=function(e){r(t,e);function t(t,n,r,i,a,o){i===void 0&&(i=!1),a===void 0&&(a=!1),o===void 0&&(o=!1);var s=e.call(this,t,n,r,o)||this;return s.targetVersion=t,s.propertyName=n,s.label=r,s.allowBinding=i,s.isMultiline=a,s.causesPropertySheetRefresh=o,s.placeHolder=`(not set)`,s}return t.prototype.createInput=function(e){var t=new a.TextInput;return t.defaultValue=this.getPropertyValue(e),t.placeholder=this.placeHolder,t.isMultiline=this.isMultiline,t},t}(D);e.BaseStringPropertyEditor=O;var k=function(e){r(t,e);function t(){return e!==null&&e.apply(this,arguments)||this}return t.prototype.getAdditionalCommands=function(t){var n=this;return h.GlobalSettings.enableDataBindingSupport&&this.allowBinding?[{id:this.propertyName+`BindData`,caption:_.Strings.toolboxes.propertySheet.commands.bindData.displayText(),altText:_.Strings.toolboxes.propertySheet.commands.bindData.accessibleText(this.label),expanded:!1,onExecute:function(e,r){r.setAttribute(`aria-expanded`,`true`);var i=new g.FieldPicker(t.designContext.dataStructure);i.onClose=function(e,a){r.setAttribute(`aria-expanded`,`false`),a||(n.setPropertyValue(t,i.selectedField.asExpression()),r.focus(),t.peer.changed(!0)),r.focus()},i.popup(r)}}]:e.prototype.getAdditionalCommands.call(this,t)},t}(O);e.StringPropertyEditor=k;var ee=function(e){r(t,e);function t(t,n,r,i,a,o){i===void 0&&(i=!1),a===void 0&&(a=!1),o===void 0&&(o=!1);var s=e.call(this,t,n,r,i,a,o)||this;return s.targetVersion=t,s.propertyName=n,s.label=r,s.allowBinding=i,s.isMultiline=a,s.causesPropertySheetRefresh=o,s.placeHolder=`(not set, comma-separated list)`,s}return t.prototype.getPropertyValue=function(e){var t=e.target[this.propertyName],n=[];if(t!==void 0&&Array.isArray(t))for(var r=0,i=t;r<i.length;r++){var a=i[r];typeof a==`string`&&n.push(a)}return n.length>0?n.join(`,`):void 0},t.prototype.setPropertyValue=function(e,t){if(t!==void 0){for(var n=t.split(`,`),r=[],i=0,a=n;i<a.length;i++){var o=a[i];o&&r.push(o)}e.target[this.propertyName]=r.length>0?r:void 0}},t}(O);e.StringArrayPropertyEditor=ee;var A=function(e){r(t,e);function t(t,n,r,i,a){i===void 0&&(i=void 0),a===void 0&&(a=!1);var o=e.call(this,t,n,r,a)||this;return o.targetVersion=t,o.propertyName=n,o.label=r,o.defaultValue=i,o.causesPropertySheetRefresh=a,o}return t.prototype.setPropertyValue=function(e,t){try{e.target[this.propertyName]=parseFloat(t)}catch{e.target[this.propertyName]=this.defaultValue}},t.prototype.createInput=function(e){var t=new a.NumberInput;return t.defaultValue=this.getPropertyValue(e)??this.defaultValue,t.placeholder=`(not set)`,this._input=t,this._input},t}(D);e.NumberPropertyEditor=A;var j=function(e){r(t,e);function t(){return e!==null&&e.apply(this,arguments)||this}return t.prototype.getPropertyValue=function(e){return JSON.stringify(e.target[this.propertyName])},t.prototype.setPropertyValue=function(e,t){e.target[this.propertyName]=JSON.parse(t)},t}(k);e.ObjectPropertyEditor=j;var M=function(e){r(t,e);function t(){return e!==null&&e.apply(this,arguments)||this}return t.prototype.getPropertyValue=function(e){return e.peer.getCardObject().getCustomProperty(this.propertyName)},t.prototype.setPropertyValue=function(e,t){e.peer.getCardObject().setCustomProperty(this.propertyName,t)},t}(k);e.CustomCardObjectPropertyEditor=M;var N=function(e){r(t,e);function t(){return e!==null&&e.apply(this,arguments)||this}return t.prototype.getPropertyValue=function(e){var t=e.target[this.propertyName];return typeof t==`boolean`?t.toString():`false`},t.prototype.setPropertyValue=function(e,t){e.target[this.propertyName]=t==`true`},t.prototype.createInput=function(e){var t=new a.ToggleInput;return t.defaultValue=this.getPropertyValue(e),t},t}(D);e.BooleanPropertyEditor=N;var P=`@@not_set@@`,F=function(e){r(t,e);function t(t,n,r,i,a,o){a===void 0&&(a=!1),o===void 0&&(o=!1);var s=e.call(this,t,n,r,a)||this;return s.targetVersion=t,s.propertyName=n,s.label=r,s.choices=i,s.causesPropertySheetRefresh=a,s.isNullable=o,s}return t.prototype.getPropertyValue=function(e){var t=e.target[this.propertyName];return t===void 0?P:t.toString()},t.prototype.setPropertyValue=function(e,t){t===P?e.target[this.propertyName]=void 0:e.target[this.propertyName]=t},t.prototype.createInput=function(e){var t=new a.ChoiceSetInput;t.defaultValue=this.getPropertyValue(e),t.isCompact=!0,this.isNullable?t.choices.push(new a.Choice(`(not set)`,P)):t.placeholder=`(not set)`;for(var n=0,r=this.choices;n<r.length;n++){var i=r[n];a.isVersionLessOrEqual(i.targetVersion,e.designContext.targetVersion)&&t.choices.push(new a.Choice(i.name,i.value))}return t},t}(D);e.ChoicePropertyEditor=F;var I=function(e){r(t,e);function t(t,n,r){var i=e.call(this,t,n,r,[{targetVersion:a.Versions.v1_0,name:`(not set)`,value:P},{targetVersion:a.Versions.v1_0,name:`Default`,value:`default`},{targetVersion:a.Versions.v1_0,name:`Emphasis`,value:`emphasis`},{targetVersion:a.Versions.v1_2,name:`Accent`,value:`accent`},{targetVersion:a.Versions.v1_2,name:`Good`,value:`good`},{targetVersion:a.Versions.v1_2,name:`Attention`,value:`attention`},{targetVersion:a.Versions.v1_2,name:`Warning`,value:`warning`}])||this;return i.targetVersion=t,i.propertyName=n,i.label=r,i}return t.prototype.getPropertyValue=function(e){var t=e.target[this.propertyName];return t?t.toString():P},t.prototype.setPropertyValue=function(e,t){t==P?e.target[this.propertyName]=void 0:e.target[this.propertyName]=t},t}(F);e.ContainerStylePropertyEditor=I;var te=function(e){r(t,e);function t(t,n,r){var i=e.call(this,t,n,r,[{targetVersion:a.Versions.v1_0,name:`(not set)`,value:P},{targetVersion:a.Versions.v1_0,name:`True`,value:`true`},{targetVersion:a.Versions.v1_0,name:`False`,value:`false`}])||this;return i.targetVersion=t,i.propertyName=n,i.label=r,i}return t.prototype.getPropertyValue=function(e){var t=e.target[this.propertyName];return typeof t==`boolean`?t.toString():P},t.prototype.setPropertyValue=function(e,t){t===P?e.target[this.propertyName]=void 0:e.target[this.propertyName]=t===`true`},t}(F);e.NullableBooleanPropertyEditor=te;var ne=function(e){r(t,e);function t(){return e!==null&&e.apply(this,arguments)||this}return t.prototype.getPropertyValue=function(e){return e.target[this.propertyName]instanceof a.SizeAndUnit?e.target[this.propertyName].unit==a.SizeUnit.Pixel?`pixels`:`weighted`:e.target[this.propertyName].toString()},t.prototype.setPropertyValue=function(e,t){switch(t){case`auto`:e.target[this.propertyName]=`auto`;break;case`pixels`:e.target[this.propertyName]=new a.SizeAndUnit(50,a.SizeUnit.Pixel);break;case`weighted`:e.target[this.propertyName]=new a.SizeAndUnit(50,a.SizeUnit.Weight);break;default:e.target[this.propertyName]=`stretch`}},t}(F);e.ColumnWidthPropertyEditor=ne;var re=function(e){r(t,e);function t(){return e!==null&&e.apply(this,arguments)||this}return t.prototype.setPropertyValue=function(e,t){var n;switch(t){case`auto`:case`stretch`:n=t;break;default:n=`auto`}e.target[this.propertyName]=n},t}(F);e.HeightPropertyEditor=re;var L=function(e){r(t,e);function t(t,n,r,i,a,o){a===void 0&&(a=void 0),o===void 0&&(o=!1);var s=e.call(this,t,n,r,a,o)||this;return s.targetVersion=t,s.propertyName=n,s.label=r,s.sizeUnit=i,s.defaultValue=a,s.causesPropertySheetRefresh=o,s}return t.prototype.getPropertyValue=function(e){return e.target[this.propertyName].physicalSize.toString()},t.prototype.setPropertyValue=function(e,t){e.target[this.propertyName]=new a.SizeAndUnit(parseInt(t),this.sizeUnit)},t}(A);e.SizeAndUnitPropertyEditor=L;var ie=function(e){r(t,e);function t(){return e!==null&&e.apply(this,arguments)||this}return t.prototype.setPropertyValue=function(e,t){try{var n=parseFloat(t),r=e.designContext.hostContainer.getHostConfig().carousel.minAutoplayDelay;n<r?(this._input.value=r,console.warn(a.Strings.errors.tooLittleTimeDelay),e.target[this.propertyName]=r):e.target[this.propertyName]=n}catch{e.target[this.propertyName]=this.defaultValue}},t}(A);e.CarouselTimerPropertyEditor=ie;var R=function(e){r(t,e);function t(t,n,r,i,a){i===void 0&&(i=[]),a===void 0&&(a=!1);var o=e.call(this,t,n,r,a)||this;return o.targetVersion=t,o.propertyName=n,o.label=r,o.forbiddenActionTypes=i,o.causesPropertySheetRefresh=a,o}return t.prototype.getPropertyValue=function(e){var t=e.target[this.propertyName];return t?t.getJsonTypeName():`none`},t.prototype.setPropertyValue=function(e,t){t==`none`?e.target[this.propertyName]=void 0:e.target[this.propertyName]=e.designContext.hostContainer.actionsRegistry.createInstance(t,e.designContext.targetVersion)},t.prototype.createInput=function(e){var t=new a.ChoiceSetInput;t.defaultValue=this.getPropertyValue(e),t.isCompact=!0,t.placeholder=`(not set)`,t.choices.push(new a.Choice(`(not set)`,`none`));for(var n=0;n<e.designContext.hostContainer.actionsRegistry.getItemCount();n++){var r=e.designContext.hostContainer.actionsRegistry.getItemAt(n).typeName,i=!0;if(this.forbiddenActionTypes&&(i=this.forbiddenActionTypes.indexOf(`*`)>=0||this.forbiddenActionTypes.indexOf(r)>=0,i&&=this.forbiddenActionTypes.indexOf(`-`+r)<0),!i){var o=new a.Choice(r,r);t.choices.push(o)}}return t},t}(D);e.ActionPropertyEditor=R;var z=function(e){r(t,e);function t(t,n,r,i){r===void 0&&(r=[]);var a=e.call(this,t)||this;return a.targetVersion=t,a.propertyName=n,a.entries=r,a.initializeProperty=i,a}return t.prototype.render=function(e){var t=new a.Container,n=e.target[this.propertyName];if(n===void 0&&this.initializeProperty&&(n=this.initializeProperty(),e.target[this.propertyName]=n),n)for(var r=0,i=this.entries;r<i.length;r++){var o=i[r];a.isVersionLessOrEqual(o.targetVersion,e.designContext.targetVersion)&&t.addItem(o.render(new C(e.designContext,e.peer,n)))}return t},t}(w);e.CompoundPropertyEditor=z;var B=function(e){r(t,e);function t(t,n,r,i,a,o){a===void 0&&(a=!1),o===void 0&&(o=!1);var s=e.call(this,t,n,r,a)||this;return s.targetVersion=t,s.propertyName=n,s.label=r,s.enumType=i,s.causesPropertySheetRefresh=a,s.isNullable=o,s}return t.prototype.getPropertyValue=function(e){var t=e.target[this.propertyName];return t===void 0?`-1`:t},t.prototype.setPropertyValue=function(e,t){var n=parseInt(t,10);n>=0?e.target[this.propertyName]=n:e.target[this.propertyName]=void 0},t.prototype.createInput=function(e){var t=new a.ChoiceSetInput;t.isCompact=!0;var n=this.getPropertyValue(e);for(var r in t.defaultValue=n===void 0?`-1`:n,this.isNullable?t.choices.push(new a.Choice(`(not set)`,`-1`)):t.placeholder=`(not set)`,this.enumType)isNaN(parseInt(r,10))||t.choices.push(new a.Choice(this.enumType[r],r));return t},t}(D);e.EnumPropertyEditor=B;var V=function(e){r(t,e);function t(t,n,r,i,a,o,s,c,l){o===void 0&&(o=`Name`),s===void 0&&(s=`Value`),c===void 0&&(c=`Add`),l===void 0&&(l=`This collection is empty`);var u=e.call(this,t)||this;return u.targetVersion=t,u.collectionPropertyName=n,u.namePropertyName=r,u.valuePropertyName=i,u.createCollectionItem=a,u.namePropertyLabel=o,u.valuePropertyLabel=s,u.addButtonTitle=c,u.messageIfEmpty=l,u}return t.prototype.collectionChanged=function(e,t,n){e.target[this.collectionPropertyName]=[];for(var r=0,i=t;r<i.length;r++){var a=i[r],o=this.createCollectionItem(a.name,a.value);e.target[this.collectionPropertyName].push(o)}e.peer.changed(n)},t.prototype.render=function(e){var t=this,n=new a.Container,r=e.target[this.collectionPropertyName];if(!Array.isArray(r))throw Error(`The `+this.collectionPropertyName+` property on `+e.peer.getCardObject().getJsonTypeName()+` either doesn't exist or isn't an array.`);for(var i=[],o=0,c=r;o<c.length;o++){var l=c[o];i.push({name:l[this.namePropertyName],value:l[this.valuePropertyName]})}if(i.length==0){var u=new a.TextBlock;u.spacing=a.Spacing.Small,u.text=this.messageIfEmpty,n.addItem(u)}else for(var d=function(r){var o=new a.TextInput;o.placeholder=f.namePropertyLabel,o.defaultValue=i[r].name,o.onValueChanged=function(n){i[r].name=n.value,t.collectionChanged(e,i,!1)};var c=new a.Column(`stretch`);c.addItem(o),o=new a.TextInput,o.placeholder=f.valuePropertyLabel,o.defaultValue=i[r].value,o.onValueChanged=function(n){i[r].value=n.value,t.collectionChanged(e,i,!1)};var l=new a.Column(`stretch`);l.spacing=a.Spacing.Small,l.addItem(o);var u=new a.SubmitAction;u.iconUrl=(Ti(),s(Ci)),u.tooltip=`Remove`,u.onExecute=function(n){i.splice(r,1),t.collectionChanged(e,i,!0)};var d=new a.ActionSet;d.addAction(u);var p=new a.Column(`auto`);p.spacing=a.Spacing.Small,p.addItem(d);var m=new a.ColumnSet;m.spacing=a.Spacing.Small,m.addColumn(c),m.addColumn(l),m.addColumn(p),n.addItem(m)},f=this,p=0;p<i.length;p++)d(p);var m=new a.SubmitAction;m.title=this.addButtonTitle,m.onExecute=function(n){i.push({name:``,value:``}),t.collectionChanged(e,i,!0)};var h=new a.ActionSet;return h.spacing=a.Spacing.Small,h.addAction(m),n.addItem(h),n},t}(w),ae=function(e){r(t,e);function t(t,n,r,i,a,o){a===void 0&&(a=`Add`),o===void 0&&(o=`This collection is empty`);var s=e.call(this,t)||this;return s.targetVersion=t,s.collectionPropertyName=n,s.innerPropertiesDefaults=r,s.createCollectionItem=i,s.addButtonTitle=a,s.messageIfEmpty=o,s}return t.prototype.collectionChanged=function(e,t,n){var r,i=this;e.target[this.collectionPropertyName]=[];var a=t.map(function(e){return i.createCollectionItem(e)});(r=e.target[this.collectionPropertyName]).push.apply(r,a),e.peer.changed(n)},t.prototype.render=function(e){var t=this,n=new a.Container,r=e.target[this.collectionPropertyName];if(!Array.isArray(r))throw Error(`The `+this.collectionPropertyName+` property on `+e.peer.getCardObject().getJsonTypeName()+` either doesn't exist or isn't an array.`);for(var o=[],s=function(e){l={},Object.keys(c.innerPropertiesDefaults).forEach(function(n){return l[n]={name:t.innerPropertiesDefaults[n].name,value:e[n]}}),o.push(l)},c=this,l,u=0,d=r;u<d.length;u++)s(d[u]);if(o.length==0){var f=new a.TextBlock;f.spacing=a.Spacing.Small,f.text=this.messageIfEmpty,n.addItem(f)}else for(var p=function(r){var i=new a.ColumnSet;i.spacing=a.Spacing.Medium,i.separator=!0;var s=new a.Column(`stretch`);Object.keys(o[r]).forEach(function(n){var i=new a.TextInput;i.defaultValue=o[r][n].value,i.placeholder=o[r][n].name,i.label=o[r][n].name,i.onValueChanged=function(i){o[r][n].value=i.value,t.collectionChanged(e,o,!1)},i.spacing=a.Spacing.Small,s.addItem(i)}),i.addColumn(s);var c=new a.SubmitAction;c.title=`X`,c.tooltip=`Remove`,c.onExecute=function(n){o.splice(r,1),t.collectionChanged(e,o,!0)};var l=new a.ActionSet;l.addAction(c);var u=new a.Column(`auto`);u.spacing=a.Spacing.Small,u.verticalContentAlignment=a.VerticalAlignment.Center,u.addItem(l),i.addColumn(u),n.addItem(i)},m=0;m<o.length;m++)p(m);var h=new a.SubmitAction;h.title=this.addButtonTitle,h.onExecute=function(n){o.push(i({},t.innerPropertiesDefaults)),t.collectionChanged(e,o,!0)};var g=new a.ActionSet;return g.spacing=a.Spacing.Small,g.addAction(h),n.addItem(g),n},t}(w),oe=function(e){r(t,e);function t(t,n,r,i){var a=e.call(this)||this;return a._children=[],a._isSelected=!1,a._inplaceEditor=null,a._insertAfterNeighbor=!1,a._parentCarouselPagePeer=void 0,a._parent=t,a.registration=r,a.designerSurface=n,a._cardObject=i,a.treeItem=new d.DesignerPeerTreeItem(a,a.isTreeItemExpandedByDefault),a}return t.prototype.closeInplaceEditor=function(e){this._inplaceEditor&&(e&&(this._inplaceEditor.applyChanges(),this.changed(!0)),this._inplaceEditor=null,this._inplaceEditorOverlay.parentNode.removeChild(this._inplaceEditorOverlay))},t.prototype.tryOpenInplaceEditor=function(){var e=this;if(this._inplaceEditor=this.createInplaceEditor(),this._inplaceEditor){this._inplaceEditor.onClose=function(t){e.closeInplaceEditor(t)},this._inplaceEditorOverlay=document.createElement(`div`),this._inplaceEditorOverlay.tabIndex=0,this._inplaceEditorOverlay.style.zIndex=`600`,this._inplaceEditorOverlay.style.backgroundColor=`transparent`,this._inplaceEditorOverlay.style.position=`absolute`,this._inplaceEditorOverlay.style.left=`0`,this._inplaceEditorOverlay.style.top=`0`,this._inplaceEditorOverlay.style.width=document.documentElement.scrollWidth+`px`,this._inplaceEditorOverlay.style.height=document.documentElement.scrollHeight+`px`,this._inplaceEditorOverlay.onfocus=function(t){e.closeInplaceEditor(!0)};var t=this.getCardObjectBoundingRect(),n=this.getBoundingRect(),r=n.height-t.height,i=document.createElement(`div`);i.className=`acd-inplace-editor-host`,i.style.left=Math.floor(t.left+pageXOffset)+`px`,i.style.top=Math.floor(t.top+pageYOffset-r)+`px`,i.style.width=Math.ceil(n.width)+`px`,i.style.height=Math.ceil(n.height)+`px`,i.style.paddingTop=r+`px`;var a=this._inplaceEditor.render();return a.classList.add(`acd-inplace-editor`),a.tabIndex=0,a.onblur=function(t){e.closeInplaceEditor(!0)},i.appendChild(a),this._inplaceEditorOverlay.appendChild(i),document.body.appendChild(this._inplaceEditorOverlay),this._inplaceEditor.initialize(),!0}return!1},t.prototype.click=function(t){e.prototype.click.call(this,t),this.isSelected=!0},t.prototype.doubleClick=function(t){e.prototype.doubleClick.call(this,t),this.tryOpenInplaceEditor()},t.prototype.isContainer=function(){return!1},t.prototype.getToolTip=function(){return null},t.prototype.internalAddCommands=function(e,t){},t.prototype.internalRender=function(){var e=this,t=document.createElement(`div`);t.classList.add(`acd-peer`),t.tabIndex=0,t.onfocus=function(t){e.isSelected=!0};var n=this.getToolTip();return n&&(t.title=n),this.isContainer()&&t.classList.add(`container`),t.style.position=`absolute`,t.style.zIndex=`10`,t},t.prototype.internalUpdateCssStyles=function(){this.isSelected?this.renderedElement.classList.add(`selected`):this.renderedElement.classList.remove(`selected`),this.dragging?this.renderedElement.classList.add(`dragging`):this.renderedElement.classList.remove(`dragging`)},t.prototype.peerAdded=function(e){this.changed(!1),this.onPeerAdded&&this.onPeerAdded(this,e)},t.prototype.peerRemoved=function(e){this.onPeerRemoved&&this.onPeerRemoved(e)},t.prototype.internalUpdateLayout=function(){if(this.renderedElement){var e=this.getBoundingRect();this.renderedElement.style.width=e.width+`px`,this.renderedElement.style.height=e.height+`px`,this.renderedElement.style.left=e.left+`px`,this.renderedElement.style.top=e.top+`px`}this.updateAriaProperties()},t.prototype.updateAriaProperties=function(){this._children.length===0&&this.getCardObject()instanceof a.CardElementContainer?this.renderedElement.setAttribute(`aria-label`,`Empty `+this.getCardObject().getJsonTypeName()):this.renderedElement.setAttribute(`aria-label`,this.getCardObject().getJsonTypeName())},t.prototype.createInplaceEditor=function(){return null},t.prototype.internalGetTreeItemText=function(){return null},t.prototype.getCardObject=function(){return this._cardObject},t.prototype.updateChildren=function(){for(var e=0;e<this.getChildCount();e++)this.getChildAt(e).updateChildren()},t.prototype.changed=function(e){this.onChanged&&this.onChanged(this,e)},t.prototype.getTreeItemText=function(){return this.internalGetTreeItemText()},t.prototype.populatePropertySheet=function(e,t){t===void 0&&(t=x.DefaultCategory)},t.prototype.canDrop=function(e){return!1},t.prototype.canBeRemoved=function(){return!0},t.prototype.tryDrop=function(e,t){return!1},t.prototype.tryAdd=function(e){return!1},t.prototype.insertChild=function(e,t){t===void 0&&(t=-1),t==-1?this._children.push(e):this._children.splice(t,0,e),e.parent=this,this.peerAdded(e)},t.prototype.removeChild=function(e){var t=this._children.indexOf(e);t>=0&&(e.parent=null,this._children.splice(t,1))},t.prototype.getChildCount=function(){return this._children.length},t.prototype.getChildAt=function(e){return this._children[e]},t.prototype.getCommands=function(e,t){t===void 0&&(t=!1);var n=[];if(this.internalAddCommands(e,n),t&&this.parent)for(var r=this.parent.getCommands(e),i=0,a=r;i<a.length;i++){var o=a[i];o.isPromotable&&n.push(o)}return n},t.prototype.remove=function(e,t){if(t)for(;this._children.length>0;)this._children[0].remove(e,t);var n=this.internalRemove();return n&&!e&&(this.parent&&this.parent.removeChild(this),this.removeElementsFromDesignerSurface(),this.peerRemoved(this)),n},t.prototype.addElementsToDesignerSurface=function(e,t){if(t===void 0&&(t=void 0),this.renderedElement){if(t){if(t.after(this.renderedElement),this.getChildCount()>=0){t=this.renderedElement;for(var n=0;n<this.getChildCount();n++)t=this.getChildAt(n).addElementsToDesignerSurface(e,t)}}else e.appendChild(this.renderedElement)}return t},t.prototype.removeElementsFromDesignerSurface=function(e){if(e===void 0&&(e=!1),this.renderedElement.parentNode.removeChild(this.renderedElement),e)for(var t=0;t<this.getChildCount();t++)this.getChildAt(t).removeElementsFromDesignerSurface(e)},t.prototype.buildPropertySheetCard=function(e){var n=new a.AdaptiveCard;n.padding=new a.PaddingDefinition(a.Spacing.Small,a.Spacing.Small,a.Spacing.Small,a.Spacing.Small);var r=new S;this.populatePropertySheet(r),t.onPopulatePropertySheet&&t.onPopulatePropertySheet(this,r),r.render(n,new C(e,this));for(var i=new a.ActionSet,o=this.getCommands(e,!0),s=function(e){if(e.showInPropertySheet){var t=new a.SubmitAction;t.title=e.name,t.onExecute=function(n){e.execute(e,t.renderedElement)},i.addAction(t)}},c=0,l=o;c<l.length;c++)s(l[c]);return i.separator=!0,n.addItem(i),n},t.prototype.scrollIntoView=function(){this.renderedElement&&this.renderedElement.scrollIntoView(),this.treeItem&&this.treeItem.renderedElement&&this.treeItem.renderedElement.scrollIntoView()},t.prototype.updateParentCarouselPagePeer=function(e){if(e!==this._parentCarouselPagePeer){this._parentCarouselPagePeer=e;for(var t=0,n=this._children;t<n.length;t++)n[t].updateParentCarouselPagePeer(this._parentCarouselPagePeer)}},Object.defineProperty(t.prototype,"isTreeItemExpandedByDefault",{get:function(){return!0},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"parent",{get:function(){return this._parent},set:function(e){this._parent=e,this.updateParentCarouselPagePeer(this._parent instanceof de?this._parent:this._parent?._parentCarouselPagePeer),this.onParentChanged&&this.onParentChanged(this)},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"isSelected",{get:function(){return this._isSelected},set:function(e){e!=this._isSelected&&(this._isSelected=e,this.updateLayout(),this.treeItem.isSelected=this._isSelected,this.onSelectedChanged&&this.onSelectedChanged(this))},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"insertAfterNeighbor",{get:function(){return this._insertAfterNeighbor},set:function(e){this._insertAfterNeighbor=e},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"children",{get:function(){return this._children},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"parentCarouselPagePeer",{get:function(){return this._parentCarouselPagePeer},enumerable:!1,configurable:!0}),t.idProperty=new k(a.Versions.v1_0,`id`,`Id`),t}(c.DraggableElement);e.DesignerPeer=oe;var H=function(e){r(t,e);function t(t,n,r,i){return e.call(this,t,n,r,i)||this}return t.prototype.doubleClick=function(t){e.prototype.doubleClick.call(this,t),this.action.renderedElement.click()},t.prototype.internalRemove=function(){return this.action.remove()},t.prototype.internalGetTreeItemText=function(){return this.action.title&&this.action.title!=``?this.action.title:e.prototype.internalGetTreeItemText.call(this)},t.prototype.internalUpdateLayout=function(){this.action.renderedElement&&e.prototype.internalUpdateLayout.call(this)},t.prototype.isDraggable=function(){return!1},t.prototype.getBoundingRect=function(){var e=this.designerSurface.getDesignerSurfaceOffset(),t=this.action.renderedElement.getBoundingClientRect();return new p.Rect(t.top-e.y,t.right-e.x,t.bottom-e.y,t.left-e.x)},t.prototype.getCardObjectBoundingRect=function(){var e=this.action.renderedElement.getBoundingClientRect();return new p.Rect(e.top,e.right,e.bottom,e.left)},t.prototype.populatePropertySheet=function(n,r){r===void 0&&(r=x.DefaultCategory),e.prototype.populatePropertySheet.call(this,n,r),n.add(r,t.idProperty,t.isEnabledProperty,t.titleProperty,t.tooltipProperty,t.modeProperty,t.styleProperty,t.iconUrlProperty,t.roleProperty)},Object.defineProperty(t.prototype,"action",{get:function(){return this.getCardObject()},enumerable:!1,configurable:!0}),t.titleProperty=new k(a.Versions.v1_0,`title`,`Title`,!0),t.modeProperty=new F(a.Versions.v1_5,`mode`,`Mode`,[{targetVersion:a.Versions.v1_5,name:`Primary`,value:a.ActionMode?.Primary},{targetVersion:a.Versions.v1_5,name:`Secondary`,value:a.ActionMode?.Secondary}]),t.styleProperty=new F(a.Versions.v1_2,`style`,`Style`,[{targetVersion:a.Versions.v1_2,name:`Default`,value:a.ActionStyle?.Default},{targetVersion:a.Versions.v1_2,name:`Positive`,value:a.ActionStyle?.Positive},{targetVersion:a.Versions.v1_2,name:`Destructive`,value:a.ActionStyle?.Destructive}]),t.iconUrlProperty=new k(a.Versions.v1_1,`iconUrl`,`Icon URL`),t.tooltipProperty=new k(a.Versions.v1_5,`tooltip`,`Tooltip`),t.isEnabledProperty=new N(a.Versions.v1_5,`isEnabled`,`Enabled`),t.roleProperty=new B(a.Versions.v1_6,`role`,`Role`,a.ActionRole),t}(oe);e.ActionPeer=H;var U=function(e){r(t,e);function t(t,n,r,i){return e.call(this,t,n,r,i)||this}return Object.defineProperty(t.prototype,"action",{get:function(){return this.getCardObject()},enumerable:!1,configurable:!0}),t}(H);e.TypedActionPeer=U,e.HttpActionPeer=function(e){r(t,e);function t(){return e!==null&&e.apply(this,arguments)||this}return t.prototype.populatePropertySheet=function(n,r){r===void 0&&(r=x.DefaultCategory),e.prototype.populatePropertySheet.call(this,n,r),n.add(x.DefaultCategory,t.ignoreInputValidationProperty),n.add(r,t.methodProperty,t.urlProperty),this.action.method==`POST`&&n.add(r,t.bodyProperty),n.add(`HTTP headers`,t.headersProperty)},t.ignoreInputValidationProperty=new N(a.Versions.v1_3,`ignoreInputValidation`,`Ignore input validation`),t.methodProperty=new F(a.Versions.v1_0,`method`,`Method`,[{targetVersion:a.Versions.v1_0,name:`GET`,value:`GET`},{targetVersion:a.Versions.v1_0,name:`POST`,value:`POST`}],!0),t.urlProperty=new k(a.Versions.v1_0,`url`,`Url`),t.bodyProperty=new k(a.Versions.v1_0,`body`,`Body`,!1,!0),t.headersProperty=new V(a.Versions.v1_0,`headers`,`name`,`value`,function(e,t){return new a.HttpHeader(e,t)},`Name`,`Value`,`Add a new header`,`This action has no header.`),t}(U);var W=function(e){r(t,e);function t(){return e!==null&&e.apply(this,arguments)||this}return t.prototype.populatePropertySheet=function(n,r){r===void 0&&(r=x.DefaultCategory),e.prototype.populatePropertySheet.call(this,n,r),n.add(r,t.dataProperty,t.associatedInputsProperty,t.disabledUnlessAssociatedInputsChangeProperty)},t.dataProperty=new j(a.Versions.v1_0,`data`,`Data`),t.associatedInputsProperty=new F(a.Versions.v1_3,`associatedInputs`,`Associated inputs`,[{targetVersion:a.Versions.v1_3,name:`Automatic`,value:`auto`},{targetVersion:a.Versions.v1_3,name:`None`,value:`none`}]),t.disabledUnlessAssociatedInputsChangeProperty=new N(a.Versions.v1_6,`disabledUnlessAssociatedInputsChange`,`Only enable when associated inputs change`),t}(U);e.BaseSubmitActionPeer=W,e.SubmitActionPeer=function(e){r(t,e);function t(){return e!==null&&e.apply(this,arguments)||this}return t}(W),e.ExecuteActionPeer=function(e){r(t,e);function t(){return e!==null&&e.apply(this,arguments)||this}return t.prototype.populatePropertySheet=function(n,r){r===void 0&&(r=x.DefaultCategory),e.prototype.populatePropertySheet.call(this,n,r),n.add(r,t.verbProperty)},t.verbProperty=new k(a.Versions.v1_4,`verb`,`Verb`),t}(W),e.OpenUrlActionPeer=function(e){r(t,e);function t(){return e!==null&&e.apply(this,arguments)||this}return t.prototype.populatePropertySheet=function(n,r){r===void 0&&(r=x.DefaultCategory),e.prototype.populatePropertySheet.call(this,n,r),n.add(r,t.urlProperty)},t.urlProperty=new k(a.Versions.v1_0,`url`,`Url`),t}(U),e.ShowCardActionPeer=function(e){r(t,e);function t(){return e!==null&&e.apply(this,arguments)||this}return t.prototype.getToolTip=function(){return`Double click to open/close`},t}(U),e.ToggleVisibilityActionPeer=function(e){r(t,e);function t(){return e!==null&&e.apply(this,arguments)||this}return t}(U);var G=function(e){r(t,e);function t(t,n,r,i,a){var o=e.call(this,t,n,r,i)||this;return a===!0&&o.initializeCardElement(),o.updateChildren(),o}return t.prototype.insertElementAfter=function(e){if(this.cardElement.parent instanceof a.Container){this.cardElement.parent.insertItemAfter(e,this.cardElement);var t=u.CardDesignerSurface.cardElementPeerRegistry.createPeerInstance(this.designerSurface,this,e);this.peerAdded(t)}},t.prototype.internalRemove=function(){return this.cardElement.remove()},t.prototype.internalUpdateCssStyles=function(){e.prototype.internalUpdateCssStyles.call(this),this.cardElement.isVisible?this.renderedElement.classList.remove(`invisible`):this.renderedElement.classList.add(`invisible`)},t.prototype.findCardElementChild=function(e){for(var n=0;n<this.getChildCount();n++){var r=this.getChildAt(n);if(r instanceof t&&r.cardElement===e)return r}},t.prototype.findActionChild=function(e){for(var t=0;t<this.getChildCount();t++){var n=this.getChildAt(t);if(n instanceof H&&n.action===e)return n}},t.prototype.updateChildren=function(n){for(var r=0;r<this.getChildCount();r++){var i=this.getChildAt(r);i instanceof t&&this.cardElement.indexOf(i.cardElement)<0&&this.removeChild(i),i instanceof H&&this.cardElement.indexOfAction(i.action)<0&&this.removeChild(i)}var o=0;if(this.cardElement instanceof a.CardElementContainer){o=this.cardElement.getItemCount();for(var r=0;r<o;r++){var i=this.findCardElementChild(this.cardElement.getItemAt(r));if(!i){var s=u.CardDesignerSurface.cardElementPeerRegistry.createPeerInstance(this.designerSurface,this,this.cardElement.getItemAt(r),n);this.insertChild(s,r)}}}for(var r=0;r<this.cardElement.getActionCount();r++){var i=this.findActionChild(this.cardElement.getActionAt(r));i||this.insertChild(u.CardDesignerSurface.actionPeerRegistry.createPeerInstance(this.designerSurface,this,this.cardElement.getActionAt(r)),o+r)}e.prototype.updateChildren.call(this)},t.prototype.getTreeItemText=function(){var t=e.prototype.getTreeItemText.call(this);if(this.cardElement.isVisible)return t;var n=`Hidden`;return t&&(n+=` - `+t),n},t.prototype.initializeCardElement=function(){},t.prototype.canDrop=function(e){for(var n=this.parent,r=!0;n;){if(n instanceof de){r=n.canDrop(e);break}n=n.parent}return this.cardElement instanceof a.Container&&e instanceof t&&r},t.prototype.tryDrop=function(e,n){if(this.cardElement instanceof a.Container&&e instanceof t&&!(this.cardElement instanceof a.Carousel)){for(var r=null,i=void 0,o=0;o<this.getChildCount();o++){var s=this.getChildAt(o).getBoundingRect();if(s.isInside(n)){r=this.getChildAt(o),i=n.y-s.top>=s.height/2;break}}if(r!=e){if(e.cardElement.parent){if(!e.remove(!0,!1))return!1;e.parent.removeChild(e)}if(r)i?this.cardElement.insertItemAfter(e.cardElement,r.cardElement):this.cardElement.insertItemBefore(e.cardElement,r.cardElement);else{var s=this.getBoundingRect();i=n.y-s.top>=s.height/2,this.cardElement.getItemCount()>0&&i?this.cardElement.insertItemAfter(e.cardElement,this.cardElement.getItemAt(this.cardElement.getItemCount()-1)):this.cardElement.insertItemAfter(e.cardElement,null)}return this.insertChild(e,e.cardElement.index),this.changed(!1),!0}}return!1},t.prototype.tryAdd=function(e){if(this.cardElement instanceof a.Container&&e instanceof t){if(e.cardElement.parent){if(!e.remove(!0,!1))return!1;e.parent.removeChild(e)}return this.cardElement.addItem(e.cardElement),this.insertChild(e,e.cardElement.index),this.changed(!1),!0}return!1},t.prototype.getBoundingRect=function(){var e=this.designerSurface.getDesignerSurfaceOffset(),t=this.cardElement.renderedElement.getBoundingClientRect(),n=void 0;if(this.cardElement.hasVisibleSeparator){var r=this.cardElement.separatorElement.getBoundingClientRect();n=new p.Rect(Math.min(r.top,t.top)-e.y,Math.max(r.right,t.right)-e.x,Math.max(r.bottom,t.bottom)-e.y,Math.min(r.left,t.left)-e.x)}else n=new p.Rect(t.top-e.y,t.right-e.x,t.bottom-e.y,t.left-e.x);return this.parentCarouselPagePeer?.isVisible()&&!this.parentCarouselPagePeer.peerInCorrectLocation({x:n.x,y:n.y})&&(n.left-=this.parentCarouselPagePeer.pageOffset,n.right-=this.parentCarouselPagePeer.pageOffset),n},t.prototype.getCardObjectBoundingRect=function(){var e=this.cardElement.renderedElement.getBoundingClientRect();return new p.Rect(e.top,e.right,e.bottom,e.left)},t.prototype.populatePropertySheet=function(n,r){r===void 0&&(r=x.DefaultCategory),e.prototype.populatePropertySheet.call(this,n,r),h.GlobalSettings.enableDataBindingSupport&&n.add(r,t.dataContextProperty,t.whenProperty),n.add(r,t.idProperty,t.isVisibleProperty),n.add(x.LayoutCategory,t.spacingProperty,t.separatorProperty,t.horizontalAlignmentProperty,t.heightProperty)},Object.defineProperty(t.prototype,"cardElement",{get:function(){return this.getCardObject()},enumerable:!1,configurable:!0}),t.prototype.isVisible=function(){return this.parent instanceof t?this.parent.isVisible():!0},t.prototype.bringCardElementIntoView=function(){return!1},t.dataContextProperty=new M(`*`,`$data`,`Data context`,!0),t.whenProperty=new M(`*`,`$when`,`Only show when`,!0),t.idProperty=new k(a.Versions.v1_0,`id`,`Id`),t.isVisibleProperty=new N(a.Versions.v1_2,`isVisible`,`Initially visible`),t.spacingProperty=new B(a.Versions.v1_0,`spacing`,`Spacing`,a.Spacing),t.separatorProperty=new N(a.Versions.v1_0,`separator`,`Separator`),t.horizontalAlignmentProperty=new B(a.Versions.v1_0,`horizontalAlignment`,`Horizontal alignment`,a.HorizontalAlignment),t.heightProperty=new re(a.Versions.v1_1,`height`,`Height`,[{targetVersion:a.Versions.v1_1,name:`Automatic`,value:`auto`},{targetVersion:a.Versions.v1_1,name:`Stretch`,value:`stretch`}]),t}(oe);e.CardElementPeer=G;var K=function(e){r(t,e);function t(t,n,r,i,a){return e.call(this,t,n,r,i,a)||this}return Object.defineProperty(t.prototype,"cardElement",{get:function(){return this.getCardObject()},enumerable:!1,configurable:!0}),t}(G);e.TypedCardElementPeer=K,e.AdaptiveCardPeer=function(e){r(t,e);function t(){return e!==null&&e.apply(this,arguments)||this}return t.prototype.addAction=function(e){this.cardElement.addAction(e),this.insertChild(u.CardDesignerSurface.actionPeerRegistry.createPeerInstance(this.designerSurface,this,e))},t.prototype.internalRemove=function(){return!0},t.prototype.internalAddCommands=function(t,n){var r=this;e.prototype.internalAddCommands.call(this,t,n);for(var i=[],a=0;a<t.hostContainer.actionsRegistry.getItemCount();a++){var s=t.hostContainer.actionsRegistry.getItemAt(a);s.schemaVersion.compareTo(t.targetVersion)<=0&&i.push(s)}i.length>0&&n.push(new l.PeerCommand({name:`Add an action`,alwaysShowName:!0,iconClass:`acd-icon-bolt`,showInPropertySheet:!0,execute:function(e,t){for(var n=new o.PopupMenu,a=function(e){var t=new o.DropDownItem(e.toString(),i[e].typeName);t.onClick=function(t){var a=i[e],o=new a.objectType;o.title=a.typeName,r.addAction(o),n.closePopup(!1),r.renderedElement.focus()},n.items.add(t)},s=0;s<i.length;s++)a(s);n.popup(t)}}))},t.prototype.isDraggable=function(){return!1},t.prototype.canBeRemoved=function(){return!1},t.prototype.populatePropertySheet=function(n,r){r===void 0&&(r=x.DefaultCategory),e.prototype.populatePropertySheet.call(this,n,r),n.remove(oe.idProperty,G.isVisibleProperty,G.horizontalAlignmentProperty,G.separatorProperty,G.heightProperty,G.spacingProperty),n.add(r,t.langProperty,t.fallbackTextProperty,t.speakProperty),n.add(x.Refresh,t.refreshProperty),this.cardElement.refresh&&this.cardElement.refresh.action&&n.addActionProperties(a.Versions.v1_4,this,this.cardElement.refresh.action,x.Refresh,[W.associatedInputsProperty,H.iconUrlProperty,H.styleProperty,H.modeProperty]),n.add(x.LayoutCategory,q.minHeightProperty,q.verticalContentAlignmentProperty,q.rtlProperty),n.add(`Background image`,q.backgroundImageProperty),n.add(x.SelectionAction,q.selectActionProperty),this.cardElement.selectAction&&n.addActionProperties(a.Versions.v1_0,this,this.cardElement.selectAction,x.SelectionAction)},t.langProperty=new k(a.Versions.v1_1,`lang`,`Language`),t.fallbackTextProperty=new k(a.Versions.v1_0,`fallbackText`,`Fallback text`,!1,!0),t.speakProperty=new k(a.Versions.v1_0,`speak`,`Speak`),t.refreshProperty=new z(a.Versions.v1_4,`refresh`,[new ee(a.Versions.v1_4,`userIds`,`User IDs`,!1,!0),new R(a.Versions.v1_4,`action`,`Action`,[`*`,`-Action.Execute`],!0)],function(){return new a.RefreshDefinition}),t}(K),e.ColumnPeer=function(e){r(t,e);function t(){return e!==null&&e.apply(this,arguments)||this}return t.prototype.isContainer=function(){return!0},t.prototype.internalGetTreeItemText=function(){if(this.cardElement.width instanceof a.SizeAndUnit)return this.cardElement.width.unit===a.SizeUnit.Weight?`Weight: `+this.cardElement.width.physicalSize:this.cardElement.width.physicalSize+` pixels`;switch(this.cardElement.width){case`stretch`:return`Stretch`;case`auto`:return`Automatic`;default:return``}},t.prototype.isDraggable=function(){return!1},t.prototype.populatePropertySheet=function(n,r){r===void 0&&(r=x.DefaultCategory),e.prototype.populatePropertySheet.call(this,n,r),n.add(x.LayoutCategory,t.widthProperty),this.cardElement.width instanceof a.SizeAndUnit&&(this.cardElement.width.unit==a.SizeUnit.Pixel?n.add(x.LayoutCategory,t.pixelWidthProperty):n.add(x.LayoutCategory,t.weightProperty)),n.add(x.LayoutCategory,q.minHeightProperty,q.verticalContentAlignmentProperty,q.rtlProperty),n.add(x.StyleCategory,q.styleProperty,q.bleedProperty),n.add(`Background image`,q.backgroundImageProperty),n.add(x.SelectionAction,q.selectActionProperty),this.cardElement.selectAction&&n.addActionProperties(a.Versions.v1_0,this,this.cardElement.selectAction,x.SelectionAction)},t.pixelWidthProperty=new L(a.Versions.v1_1,`width`,`Width in pixels`,a.SizeUnit.Pixel),t.weightProperty=new L(a.Versions.v1_0,`width`,`Weight`,a.SizeUnit.Weight),t.widthProperty=new ne(a.Versions.v1_0,`width`,`Width`,[{targetVersion:a.Versions.v1_0,name:`Automatic`,value:`auto`},{targetVersion:a.Versions.v1_0,name:`Stretch`,value:`stretch`},{targetVersion:a.Versions.v1_0,name:`Weighted`,value:`weighted`},{targetVersion:a.Versions.v1_1,name:`Pixels`,value:`pixels`}],!0),t}(K),e.ColumnSetPeer=function(e){r(t,e);function t(){return e!==null&&e.apply(this,arguments)||this}return t.prototype.isContainer=function(){return!0},t.prototype.internalAddCommands=function(t,n){var r=this;e.prototype.internalAddCommands.call(this,t,n),n.push(new l.PeerCommand({name:`Add a column`,iconClass:`acd-icon-addColumn`,isPromotable:!0,execute:function(e,t){var n=new a.Column;n.width=`stretch`,r.cardElement.addColumn(n);var i=u.CardDesignerSurface.cardElementPeerRegistry.createPeerInstance(r.designerSurface,r,n);i.insertAfterNeighbor=!0,r.insertChild(i)}}))},t.prototype.internalGetTreeItemText=function(){var e=this.cardElement.getItemCount();switch(e){case 0:return`No column`;case 1:return`1 column`;default:return e+` columns`}},t.prototype.populatePropertySheet=function(t,n){n===void 0&&(n=x.DefaultCategory),e.prototype.populatePropertySheet.call(this,t,n),t.add(n,q.minHeightProperty,q.styleProperty,q.bleedProperty),t.add(x.SelectionAction,q.selectActionProperty),this.cardElement.selectAction&&t.addActionProperties(a.Versions.v1_0,this,this.cardElement.selectAction,x.SelectionAction)},t.prototype.canDrop=function(e){return!0},t}(K);var q=function(e){r(t,e);function t(){return e!==null&&e.apply(this,arguments)||this}return t.prototype.isContainer=function(){return!0},t.prototype.populatePropertySheet=function(n,r){r===void 0&&(r=x.DefaultCategory),e.prototype.populatePropertySheet.call(this,n,r),n.add(x.LayoutCategory,t.minHeightProperty,t.verticalContentAlignmentProperty,t.rtlProperty),n.add(x.StyleCategory,t.styleProperty,t.bleedProperty),n.add(`Background image`,t.backgroundImageProperty),n.add(x.SelectionAction,t.selectActionProperty),this.cardElement.selectAction&&n.addActionProperties(a.Versions.v1_0,this,this.cardElement.selectAction,x.SelectionAction)},t.selectActionProperty=new R(a.Versions.v1_1,`selectAction`,`Action type`,[a.ShowCardAction.JsonTypeName],!0),t.minHeightProperty=new A(a.Versions.v1_2,`minPixelHeight`,`Minimum height in pixels`),t.verticalContentAlignmentProperty=new B(a.Versions.v1_1,`verticalContentAlignment`,`Vertical content alignment`,a.VerticalAlignment),t.styleProperty=new I(a.Versions.v1_0,`style`,`Style`),t.bleedProperty=new N(a.Versions.v1_2,`bleed`,`Bleed`),t.backgroundImageProperty=new z(a.Versions.v1_0,`backgroundImage`,[new k(a.Versions.v1_0,`url`,`URL`,!0),new B(a.Versions.v1_2,`fillMode`,`Fill mode`,a.FillMode),new B(a.Versions.v1_2,`horizontalAlignment`,`Horizontal alignment`,a.HorizontalAlignment),new B(a.Versions.v1_2,`verticalAlignment`,`Vertical alignment`,a.VerticalAlignment)]),t.rtlProperty=new N(a.Versions.v1_5,`rtl`,`Present right to left`),t}(K);e.ContainerPeer=q,e.ActionSetPeer=function(e){r(t,e);function t(){return e!==null&&e.apply(this,arguments)||this}return t.prototype.addAction=function(e){this.cardElement.addAction(e);var t=u.CardDesignerSurface.actionPeerRegistry.createPeerInstance(this.designerSurface,this,e);t.insertAfterNeighbor=!0,this.insertChild(t)},t.prototype.internalAddCommands=function(t,n){var r=this;e.prototype.internalAddCommands.call(this,t,n);for(var i=[],a=0;a<t.hostContainer.actionsRegistry.getItemCount();a++){var s=t.hostContainer.actionsRegistry.getItemAt(a);s.schemaVersion.compareTo(t.targetVersion)<=0&&i.push(s)}i.length>0&&n.push(new l.PeerCommand({name:`Add an action`,alwaysShowName:!0,iconClass:`acd-icon-bolt`,showInPropertySheet:!0,execute:function(e,t){for(var n=new o.PopupMenu,a=function(e){var t=new o.DropDownItem(e.toString(),i[e].typeName);t.onClick=function(t){var a=i[e],o=new a.objectType;o.title=a.typeName,r.addAction(o),n.closePopup(!1)},n.items.add(t)},s=0;s<i.length;s++)a(s);n.popup(t)}}))},t}(K);var se=function(e){r(t,e);function t(){return e!==null&&e.apply(this,arguments)||this}return t.prototype.internalAddCommands=function(t,n){var r=this;e.prototype.internalAddCommands.call(this,t,n),n.push(new l.PeerCommand({name:`Add an image`,iconClass:`acd-icon-image`,isPromotable:!0,execute:function(e,t){var n=new a.Image;r.cardElement.addImage(n);var i=u.CardDesignerSurface.cardElementPeerRegistry.createPeerInstance(r.designerSurface,r,n);i.insertAfterNeighbor=!0,r.insertChild(i)}}))},t.prototype.populatePropertySheet=function(n,r){r===void 0&&(r=x.DefaultCategory),e.prototype.populatePropertySheet.call(this,n,r),n.add(r,t.ImageSizeProperty)},t.ImageSizeProperty=new B(a.Versions.v1_0,`imageSize`,`Image size`,a.ImageSize),t}(K);e.ImageSetPeer=se,e.ImagePeer=function(e){r(t,e);function t(){return e!==null&&e.apply(this,arguments)||this}return Object.defineProperty(t.prototype,"isParentImageSet",{get:function(){return this.parent&&this.parent instanceof se},enumerable:!1,configurable:!0}),t.prototype.internalAddCommands=function(t,n){var r=this;e.prototype.internalAddCommands.call(this,t,n),h.GlobalSettings.enableDataBindingSupport&&t.dataStructure&&n.push(new l.PeerCommand({name:`Bind...`,alwaysShowName:!0,toolTip:`Select a data field to bind this Image to.`,execute:function(e,n){var i=new g.FieldPicker(t.dataStructure);i.onClose=function(e,t){t||(r.cardElement.url=i.selectedField.asExpression(),r.changed(!0))},i.popup(n)}}))},t.prototype.isDraggable=function(){return!this.isParentImageSet},t.prototype.getBoundingRect=function(){if(this.isParentImageSet){var t=this.designerSurface.getDesignerSurfaceOffset(),n=this.cardElement.renderedElement.getBoundingClientRect(),r=new p.Rect(n.top-t.y,n.right-t.x,n.bottom-t.y,n.left-t.x);return this.parentCarouselPagePeer?.isVisible()&&!this.parentCarouselPagePeer.peerInCorrectLocation({x:r.right,y:r.bottom})&&(r.left-=this.parentCarouselPagePeer.pageOffset,r.right-=this.parentCarouselPagePeer.pageOffset),r}return e.prototype.getBoundingRect.call(this)},t.prototype.populatePropertySheet=function(n,r){r===void 0&&(r=x.DefaultCategory),e.prototype.populatePropertySheet.call(this,n,r),n.add(r,t.urlProperty,t.altTextProperty),this.isParentImageSet||(n.add(x.LayoutCategory,t.sizeProperty,t.pixelWidthProperty,t.pixelHeightProperty),n.add(x.StyleCategory,t.styleProperty,t.backgroundColorProperty),n.add(x.SelectionAction,q.selectActionProperty),this.cardElement.selectAction&&n.addActionProperties(a.Versions.v1_0,this,this.cardElement.selectAction,x.SelectionAction))},t.urlProperty=new k(a.Versions.v1_0,`url`,`Url`,!0),t.altTextProperty=new k(a.Versions.v1_0,`altText`,`Alternate text`,!0),t.sizeProperty=new B(a.Versions.v1_0,`size`,`Size`,a.Size),t.pixelWidthProperty=new A(a.Versions.v1_1,`pixelWidth`,`Width in pixels`),t.pixelHeightProperty=new A(a.Versions.v1_1,`pixelHeight`,`Height in pixels`),t.styleProperty=new B(a.Versions.v1_0,`style`,`Style`,a.ImageStyle),t.backgroundColorProperty=new k(a.Versions.v1_1,`backgroundColor`,`Background color`),t}(K),e.MediaPeer=function(e){r(t,e);function t(){return e!==null&&e.apply(this,arguments)||this}return t.prototype.internalGetTreeItemText=function(){return this.cardElement.selectedMediaType==`audio`?`audio`:this.cardElement.selectedMediaType==`video`?`video`:e.prototype.internalGetTreeItemText.call(this)},t.prototype.populatePropertySheet=function(n,r){r===void 0&&(r=x.DefaultCategory),e.prototype.populatePropertySheet.call(this,n,r),n.add(r,t.altTextProperty,t.posterUrlProperty),n.add(`Sources`,t.sourcesProperty),n.add(`Caption Sources`,t.captionSourcesProperty)},t.altTextProperty=new k(a.Versions.v1_1,`altText`,`Alternate text`,!0),t.posterUrlProperty=new k(a.Versions.v1_1,`posterUrl`,`Poster URL`,!0),t.sourcesProperty=new ae(a.Versions.v1_1,`sources`,{url:{name:`URL`},mimeType:{name:`MIME Type`}},function(e){return new a.MediaSource(e.url.value,e.mimeType.value)},`Add a new source`,`No source has been defined.`),t.captionSourcesProperty=new ae(a.Versions.v1_6,`captionSources`,{url:{name:`URL`},mimeType:{name:`MIME Type`},label:{name:`Label`}},function(e){return new a.CaptionSource(e.url.value,e.mimeType.value,e.label.value)},`Add a new caption source`,`No caption source has been defined.`),t}(K),e.FactSetPeer=function(e){r(t,e);function t(){return e!==null&&e.apply(this,arguments)||this}return t.prototype.internalGetTreeItemText=function(){return this.cardElement.facts.length==0?`No fact`:this.cardElement.facts.map(function(e,t,n){return e.name}).join(`, `)},t.prototype.initializeCardElement=function(){e.prototype.initializeCardElement.call(this),this.cardElement.facts.push(new a.Fact(`Fact 1`,`Value 1`),new a.Fact(`Fact 2`,`Value 2`))},t.prototype.populatePropertySheet=function(n,r){r===void 0&&(r=x.DefaultCategory),e.prototype.populatePropertySheet.call(this,n,r),n.add(`Facts`,t.factsProperty),n.remove(G.horizontalAlignmentProperty)},t.factsProperty=new V(a.Versions.v1_0,`facts`,`name`,`value`,function(e,t){return new a.Fact(e,t)},`Name`,`Value`,`Add a new fact`,`This FactSet is empty.`),t}(K);var J=function(e){r(t,e);function t(){return e!==null&&e.apply(this,arguments)||this}return t.prototype.internalGetTreeItemText=function(){return this.cardElement.id?this.cardElement.id:e.prototype.internalGetTreeItemText.call(this)},t.prototype.populatePropertySheet=function(n,r){r===void 0&&(r=x.DefaultCategory),e.prototype.populatePropertySheet.call(this,n,r),n.add(r,t.labelProperty),n.add(x.Validation,t.isRequiredProperty,t.errorMessageProperty),n.remove(G.horizontalAlignmentProperty,G.heightProperty)},t.labelProperty=new k(a.Versions.v1_3,`label`,`Label`),t.isRequiredProperty=new N(a.Versions.v1_3,`isRequired`,`Required`),t.errorMessageProperty=new k(a.Versions.v1_3,`errorMessage`,`Error message`),t}(K);e.InputPeer=J,e.TextInputPeer=function(e){r(t,e);function t(){return e!==null&&e.apply(this,arguments)||this}return t.prototype.populatePropertySheet=function(n,r){r===void 0&&(r=x.DefaultCategory),e.prototype.populatePropertySheet.call(this,n,r),n.add(r,t.placeholderProperty,t.isMultilineProperty),this.cardElement.isMultiline?n.add(x.LayoutCategory,G.heightProperty):n.add(x.DefaultCategory,t.styleProperty),n.add(x.InlineAction,t.inlineActionProperty),this.cardElement.inlineAction&&n.addActionProperties(a.Versions.v1_2,this,this.cardElement.inlineAction,x.InlineAction,[H.styleProperty,H.modeProperty]),n.add(r,t.maxLengthProperty,t.defaultValueProperty),n.add(x.Validation,t.regexProperty)},t.prototype.initializeCardElement=function(){e.prototype.initializeCardElement.call(this),this.cardElement.placeholder=`Placeholder text`},t.defaultValueProperty=new k(a.Versions.v1_0,`defaultValue`,`Default value`),t.placeholderProperty=new k(a.Versions.v1_0,`placeholder`,`Placeholder`),t.isMultilineProperty=new N(a.Versions.v1_0,`isMultiline`,`Multi-line`,!0),t.styleProperty=new B(a.Versions.v1_0,`style`,`Style`,a.InputTextStyle),t.maxLengthProperty=new A(a.Versions.v1_0,`maxLength`,`Maximum length`),t.inlineActionProperty=new R(a.Versions.v1_2,`inlineAction`,`Action type`,[a.ShowCardAction.JsonTypeName],!0),t.regexProperty=new k(a.Versions.v1_3,`regex`,`Pattern`),t}(J),e.NumberInputPeer=function(e){r(t,e);function t(){return e!==null&&e.apply(this,arguments)||this}return t.prototype.populatePropertySheet=function(n,r){r===void 0&&(r=x.DefaultCategory),e.prototype.populatePropertySheet.call(this,n,r),n.add(r,t.placeholderProperty,t.defaultValueProperty,t.minProperty,t.maxProperty)},t.prototype.initializeCardElement=function(){e.prototype.initializeCardElement.call(this),this.cardElement.placeholder=`Placeholder text`},t.defaultValueProperty=new A(a.Versions.v1_0,`defaultValue`,`Default value`),t.placeholderProperty=new k(a.Versions.v1_0,`placeholder`,`Placeholder`),t.minProperty=new A(a.Versions.v1_0,`min`,`Minimum value`),t.maxProperty=new A(a.Versions.v1_0,`max`,`Maximum value`),t}(J),e.DateInputPeer=function(e){r(t,e);function t(){return e!==null&&e.apply(this,arguments)||this}return t.prototype.populatePropertySheet=function(n,r){r===void 0&&(r=x.DefaultCategory),e.prototype.populatePropertySheet.call(this,n,r),n.add(r,t.defaultValueProperty,t.minProperty,t.maxProperty)},t.defaultValueProperty=new k(a.Versions.v1_0,`defaultValue`,`Default value`),t.minProperty=new k(a.Versions.v1_0,`min`,`Minimum value`),t.maxProperty=new k(a.Versions.v1_0,`max`,`Maximum value`),t}(J),e.TimeInputPeer=function(e){r(t,e);function t(){return e!==null&&e.apply(this,arguments)||this}return t.prototype.populatePropertySheet=function(n,r){r===void 0&&(r=x.DefaultCategory),e.prototype.populatePropertySheet.call(this,n,r),n.add(r,t.defaultValueProperty,t.minProperty,t.maxProperty)},t.defaultValueProperty=new k(a.Versions.v1_0,`defaultValue`,`Default value`),t.minProperty=new k(a.Versions.v1_0,`min`,`Minimum value`),t.maxProperty=new k(a.Versions.v1_0,`max`,`Maximum value`),t}(J);var ce=function(e){r(t,e);function t(){return e!==null&&e.apply(this,arguments)||this}return t.prototype.populatePropertySheet=function(n,r){r===void 0&&(r=x.DefaultCategory),e.prototype.populatePropertySheet.call(this,n,r),n.add(r,t.titleProperty,t.valueOnProperty,t.valueOffProperty,t.defaultValueProperty),n.add(x.LayoutCategory,t.wrapProperty)},t.prototype.initializeCardElement=function(){this.cardElement.title=`New Input.Toggle`},t.defaultValueProperty=new k(a.Versions.v1_0,`defaultValue`,`Default value`),t.titleProperty=new k(a.Versions.v1_0,`title`,`Title`,!0),t.valueOnProperty=new k(a.Versions.v1_0,`valueOn`,`Value when on`),t.valueOffProperty=new k(a.Versions.v1_0,`valueOff`,`Value when off`),t.wrapProperty=new N(a.Versions.v1_2,`wrap`,`Wrap`),t}(J);e.ToggleInputPeer=ce,e.ChoiceSetInputPeer=function(e){r(t,e);function t(){return e!==null&&e.apply(this,arguments)||this}return t.prototype.populatePropertySheet=function(n,r){r===void 0&&(r=x.DefaultCategory),e.prototype.populatePropertySheet.call(this,n,r),n.add(r,t.placeholderProperty,t.isMultiselectProperty,t.styleProperty,t.defaultValueProperty),n.add(x.LayoutCategory,ce.wrapProperty),n.add(`Choices`,t.choicesProperty)},t.prototype.initializeCardElement=function(){this.cardElement.placeholder=`Placeholder text`,this.cardElement.choices.push(new a.Choice(`Choice 1`,`Choice 1`),new a.Choice(`Choice 2`,`Choice 2`))},t.defaultValueProperty=new k(a.Versions.v1_0,`defaultValue`,`Default value`),t.placeholderProperty=new k(a.Versions.v1_0,`placeholder`,`Placeholder`),t.isMultiselectProperty=new N(a.Versions.v1_0,`isMultiSelect`,`Allow multi selection`),t.styleProperty=new F(a.Versions.v1_0,`style`,`Style`,[{targetVersion:a.Versions.v1_0,name:`Compact`,value:`compact`},{targetVersion:a.Versions.v1_0,name:`Expanded`,value:`expanded`},{targetVersion:a.Versions.v1_5,name:`Filtered`,value:`filtered`}],!0),t.wrapProperty=new N(a.Versions.v1_2,`wrap`,`Wrap`),t.choicesProperty=new V(a.Versions.v1_0,`choices`,`title`,`value`,function(e,t){return new a.Choice(e,t)},`Title`,`Value`,`Add a new choice`,`This ChoiceSet is empty`),t}(J);var le=function(e){r(t,e);function t(){return e!==null&&e.apply(this,arguments)||this}return t.prototype.close=function(e){this.onClose&&this.onClose(e)},t.prototype.initialize=function(){this._renderedElement.select()},t.prototype.applyChanges=function(){this.cardElement.text=this._renderedElement.value},t.prototype.render=function(){var e=this;return this._renderedElement=document.createElement(`textarea`),this._renderedElement.className=`acd-textBlock-inplace-editor`,this._renderedElement.value=this.cardElement.text,this._renderedElement.onkeydown=function(t){switch(t.key){case o.Constants.keys.escape:e.close(!1),t.preventDefault(),t.cancelBubble=!0;break;case o.Constants.keys.enter:e.close(!0),t.preventDefault(),t.cancelBubble=!0}return!t.cancelBubble},this.cardElement.applyStylesTo(this._renderedElement),this._renderedElement},t}(y);e.TextBlockPeer=function(e){r(t,e);function t(){return e!==null&&e.apply(this,arguments)||this}return t.prototype.createInplaceEditor=function(){return new le(this.cardElement)},t.prototype.internalGetTreeItemText=function(){return this.cardElement.text},t.prototype.internalAddCommands=function(t,n){var r=this;e.prototype.internalAddCommands.call(this,t,n),t.dataStructure&&n.push(new l.PeerCommand({name:`Bind...`,alwaysShowName:!0,toolTip:`Select a data field to bind this TextBlock to.`,execute:function(e,n){var i=new g.FieldPicker(t.dataStructure);i.onClose=function(e,t){t||(r.cardElement.text=i.selectedField.asExpression(),r.changed(!0))},i.popup(n)}}))},t.prototype.populatePropertySheet=function(n,r){r===void 0&&(r=x.DefaultCategory),e.prototype.populatePropertySheet.call(this,n,r),n.add(r,t.textProperty),n.add(x.LayoutCategory,t.wrapProperty,t.maxLinesProperty),n.add(x.StyleCategory,t.styleProperty,t.fontTypeProperty,t.sizeProperty,t.weightProperty,t.colorProperty,t.subtleProperty)},t.prototype.getToolTip=function(){return`Double click to edit`},t.prototype.initializeCardElement=function(){this.cardElement.text&&this.cardElement.text!=``||(this.cardElement.text=`New TextBlock`),this.cardElement.wrap=!0},t.textProperty=new k(a.Versions.v1_0,`text`,`Text`,!0,!0),t.wrapProperty=new N(a.Versions.v1_0,`wrap`,`Wrap`),t.maxLinesProperty=new A(a.Versions.v1_0,`maxLines`,`Maximum lines`,0),t.fontTypeProperty=new B(a.Versions.v1_2,`fontType`,`Font type`,a.FontType,!1,!0),t.sizeProperty=new B(a.Versions.v1_0,`size`,`Size`,a.TextSize,!1,!0),t.weightProperty=new B(a.Versions.v1_0,`weight`,`Weight`,a.TextWeight,!1,!0),t.colorProperty=new B(a.Versions.v1_0,`color`,`Color`,a.TextColor,!1,!0),t.subtleProperty=new te(a.Versions.v1_0,`isSubtle`,`Subtle`),t.styleProperty=new F(a.Versions.v1_5,`style`,`Base style`,[{targetVersion:a.Versions.v1_5,name:`Default`,value:`default`},{targetVersion:a.Versions.v1_5,name:`Heading`,value:`heading`},{targetVersion:a.Versions.v1_5,name:`Column header`,value:`columnHeader`}],!1,!0),t}(K),e.RichTextBlockPeer=function(e){r(t,e);function t(){return e!==null&&e.apply(this,arguments)||this}return t.prototype.internalGetTreeItemText=function(){return this.cardElement.asString()},t.prototype.populatePropertySheet=function(t,n){n===void 0&&(n=x.DefaultCategory),e.prototype.populatePropertySheet.call(this,t,n),t.add(n,new E(`*`,function(e){var t=new a.TextBlock;return t.text=`Use the **Card Payload Editor** to edit the text of this RichTextBlock element.`,t.wrap=!0,t.spacing=a.Spacing.Large,t.separator=!0,t.horizontalAlignment=a.HorizontalAlignment.Center,t}))},t.prototype.initializeCardElement=function(){var e=new a.TextRun;e.text=`New RichTextBlock`,this.cardElement.addInline(e)},t}(K),e.TableCellPeer=function(e){r(t,e);function t(){return e!==null&&e.apply(this,arguments)||this}return t.prototype.canBeRemoved=function(){return!1},t.prototype.isDraggable=function(){return!1},t}(q),e.TableRowPeer=function(e){r(t,e);function t(){return e!==null&&e.apply(this,arguments)||this}return t.prototype.isContainer=function(){return!0},t.prototype.isDraggable=function(){return!1},t.prototype.populatePropertySheet=function(n,r){r===void 0&&(r=x.DefaultCategory),e.prototype.populatePropertySheet.call(this,n,r),n.add(x.StyleCategory,q.styleProperty),n.add(x.LayoutCategory,t.horizontalCellContentAlignmentProperty,t.verticalCellContentAlignmentProperty)},Object.defineProperty(t.prototype,"isTreeItemExpandedByDefault",{get:function(){return!1},enumerable:!1,configurable:!0}),t.horizontalCellContentAlignmentProperty=new B(a.Versions.v1_5,`horizontalCellContentAlignment`,`Horizontal cell content alignment`,a.HorizontalAlignment,!1,!0),t.verticalCellContentAlignmentProperty=new B(a.Versions.v1_5,`verticalCellContentAlignment`,`Vertical cell content alignment`,a.VerticalAlignment,!1,!0),t}(K);var ue=function(e){r(t,e);function t(){return e!==null&&e.apply(this,arguments)||this}return t.prototype.columnsChanged=function(e,t){e.peer.updateChildren(),e.peer.changed(t)},t.prototype.render=function(e){var t=this,n=new a.Container,r=e.peer;if(r.cardElement.getColumnCount()===0){var i=new a.TextBlock;i.spacing=a.Spacing.Small,i.text=`No column has been defined`,n.addItem(i)}else for(var o=function(i){var o=r.cardElement.getColumnAt(i),s=new a.NumberInput;s.placeholder=`Width`,s.min=0,s.defaultValue=o.width.physicalSize,s.onValueChanged=function(n){o.width.physicalSize=n.value,t.columnsChanged(e,!1)};var c=new a.Column(`stretch`);c.addItem(s);var l=new a.ChoiceSetInput;l.placeholder=`Unit`,l.choices.push(new a.Choice(`Pixels`,a.SizeUnit.Pixel.toString()),new a.Choice(`Weight`,a.SizeUnit.Weight.toString())),l.defaultValue=o.width.unit.toString(),l.onValueChanged=function(n){o.width.unit=parseInt(n.value),t.columnsChanged(e,!1)};var u=new a.Column(`stretch`);u.spacing=a.Spacing.Small,u.addItem(l);var d=new a.SubmitAction;d.title=`X`,d.tooltip=`Remove`,d.onExecute=function(n){r.cardElement.removeColumn(o),t.columnsChanged(e,!0)};var f=new a.ActionSet;f.addAction(d);var p=new a.Column(`auto`);p.spacing=a.Spacing.Small,p.addItem(f);var m=new a.ColumnSet;m.spacing=a.Spacing.Small,m.addColumn(c),m.addColumn(u),m.addColumn(p),n.addItem(m)},s=0;s<r.cardElement.getColumnCount();s++)o(s);var c=new a.SubmitAction;c.title=`Add a column`,c.onExecute=function(n){r.cardElement.addColumn(new a.TableColumnDefinition),t.columnsChanged(e,!0)};var l=new a.ActionSet;return l.spacing=a.Spacing.Small,l.addAction(c),n.addItem(l),n},t}(w);e.TablePeer=function(e){r(t,e);function t(){return e!==null&&e.apply(this,arguments)||this}return t.prototype.isContainer=function(){return!0},t.prototype.internalAddCommands=function(t,n){var r=this;e.prototype.internalAddCommands.call(this,t,n),n.push(new l.PeerCommand({name:`Add a row`,isPromotable:!1,execute:function(e,t){var n=new a.TableRow;r.cardElement.addRow(n);var i=u.CardDesignerSurface.cardElementPeerRegistry.createPeerInstance(r.designerSurface,r,n);i.insertAfterNeighbor=!0,r.insertChild(i)}}))},t.prototype.initializeCardElement=function(){e.prototype.initializeCardElement.call(this),this.cardElement.addColumn(new a.TableColumnDefinition),this.cardElement.addColumn(new a.TableColumnDefinition),this.cardElement.addColumn(new a.TableColumnDefinition),this.cardElement.addRow(new a.TableRow),this.cardElement.addRow(new a.TableRow),this.cardElement.addRow(new a.TableRow)},t.prototype.populatePropertySheet=function(n,r){r===void 0&&(r=x.DefaultCategory),e.prototype.populatePropertySheet.call(this,n,r),n.add(r,t.firstRowAsHeadersProperty),n.add(`Columns`,t.columnsProperty),n.add(x.StyleCategory,t.showGridLinesProperty,t.gridStyleProperty),n.add(x.LayoutCategory,t.cellSpacingProperty,t.horizontalCellContentAlignmentProperty,t.verticalCellContentAlignmentProperty)},t.firstRowAsHeadersProperty=new N(a.Versions.v1_5,`firstRowAsHeaders`,`First row as headers`),t.cellSpacingProperty=new A(a.Versions.v1_5,`cellSpacing`,`Cell spacing (in pixels)`),t.showGridLinesProperty=new N(a.Versions.v1_5,`showGridLines`,`Grid lines`),t.gridStyleProperty=new I(a.Versions.v1_5,`gridStyle`,`Grid style`),t.horizontalCellContentAlignmentProperty=new B(a.Versions.v1_5,`horizontalCellContentAlignment`,`Horizontal cell content alignment`,a.HorizontalAlignment,!1,!0),t.verticalCellContentAlignmentProperty=new B(a.Versions.v1_5,`verticalCellContentAlignment`,`Vertical cell content alignment`,a.VerticalAlignment,!1,!0),t.columnsProperty=new ue(a.Versions.v1_5),t}(K),e.CarouselPeer=function(e){r(t,e);function t(){return e!==null&&e.apply(this,arguments)||this}return t.prototype.internalAddCommands=function(t,n){var r=this;e.prototype.internalAddCommands.call(this,t,n),n.push(new l.PeerCommand({name:`Add a page`,isPromotable:!1,execute:function(e,t){var n=new a.CarouselPage;r.cardElement.addPage(n),r.updateChildren()}}))},t.prototype.initializeCardElement=function(){e.prototype.initializeCardElement.call(this),this.cardElement.addPage(new a.CarouselPage)},t.prototype.populatePropertySheet=function(n,r){r===void 0&&(r=x.DefaultCategory),e.prototype.populatePropertySheet.call(this,n,r),n.remove(G.isVisibleProperty,q.bleedProperty,q.styleProperty),n.add(r,t.timerProperty,t.initialPageProperty,t.orientationProperty,t.heightInPixelsProperty,t.loopProperty)},t.prototype.canDrop=function(e){return!1},t.timerProperty=new ie(a.Versions.v1_6,`timer`,`Timer`,5e3),t.initialPageProperty=new A(a.Versions.v1_6,`initialPageIndex`,`Initial page`,0),t.orientationProperty=new B(a.Versions.v1_6,`carouselOrientation`,`Orientation`,a.Orientation),t.heightInPixelsProperty=new A(a.Versions.v1_6,`carouselHeight`,`Height in pixels`),t.loopProperty=new N(a.Versions.v1_6,`carouselLoop`,`Loop`),t}(q);var de=function(e){r(t,e);function t(){var t=e!==null&&e.apply(this,arguments)||this;return t._pageOffset=0,t}return t.prototype.isDraggable=function(){return!1},t.prototype.getBoundingRect=function(){var t=e.prototype.getBoundingRect.call(this),n=this.cardElement.parent,r=t.left;if(n?.carouselPageContainer){var i=n.carouselPageContainer.getBoundingClientRect();t.left=n.renderedElement.offsetLeft+n.carouselPageContainer.offsetLeft,t.right=t.left+i?.width,t.bottom=t.top+i?.height}return this._pageOffset=r-t.left,t},t.prototype.peerInCorrectLocation=function(e){return this.getBoundingRect().isInside(e)},t.prototype.isVisible=function(){var e=this.parent;return this===e?.children[e.cardElement.currentPageIndex]},t.prototype.bringCardElementIntoView=function(){var e=this.parent;if(e&&e.cardElement){this.designerSurface.shouldPersistSelectedElement=!0;var t=e.children.indexOf(this);e.cardElement.slideTo(t)}return!0},t.prototype.canDrop=function(e){return!this.cardElement.getForbiddenChildElements().includes(e.getCardObject().getJsonTypeName())},Object.defineProperty(t.prototype,"pageOffset",{get:function(){return this._pageOffset},enumerable:!1,configurable:!0}),t}(q);e.CarouselPagePeer=de})),Di=e(((e,t,n)=>{var r=n&&n.__extends||(function(){var e=function(t,n){return e=Object.setPrototypeOf||{__proto__:[]}instanceof Array&&function(e,t){e.__proto__=t}||function(e,t){for(var n in t)Object.prototype.hasOwnProperty.call(t,n)&&(e[n]=t[n])},e(t,n)};return function(t,n){if(typeof n!=`function`&&n!==null)throw TypeError(`Class extends value `+String(n)+` is not a constructor or null`);e(t,n);function r(){this.constructor=t}t.prototype=n===null?Object.create(n):(r.prototype=n.prototype,new r)}})();Object.defineProperty(e,"__esModule",{value:!0}),e.CardDesignerSurface=e.DesignContext=e.ActionPeerRegistry=e.CardElementPeerRegistry=e.DesignerPeerRegistry=e.BindingPreviewMode=void 0;var i=(f(),s(m)),a=(f(),s(m)),o=Q(),c=gi(),l=bi(),u=Ei(),d=h(),p=ii(),g=ri(),_;(function(e){e[e.NoPreview=0]=`NoPreview`,e[e.GeneratedData=1]=`GeneratedData`,e[e.SampleData=2]=`SampleData`})(_=e.BindingPreviewMode||={});var v=function(){function e(){}return e.Unknown=`Unknown`,e.Containers=`Containers`,e.Elements=`Elements`,e.Inputs=`Inputs`,e.Actions=`Actions`,e}(),y=function(){function e(){this._items=[],this.defaultRegistration=new u.DesignerPeerRegistrationBase(v.Unknown,`acd-icon-unknownPeer`),this.reset()}return e.prototype.clear=function(){this._items=[]},e.prototype.findTypeRegistration=function(e){for(var t=0;t<this._items.length;t++)if(this._items[t].sourceType===e)return this._items[t];return null},e.prototype.registerPeer=function(e,t,n,r){r===void 0&&(r=null);var i=this.findTypeRegistration(e);i==null?(i=new u.DesignerPeerRegistration(e,t,n,r),this._items.push(i)):i.peerType=t},e.prototype.unregisterPeer=function(e){for(var t=0;t<this._items.length;t++)if(this._items[t].sourceType===e){this._items.splice(t,1);return}},e}();e.DesignerPeerRegistry=y;var b=function(e){r(t,e);function t(){return e!==null&&e.apply(this,arguments)||this}return t.prototype.reset=function(){this.clear(),this.registerPeer(i.AdaptiveCard,u.AdaptiveCardPeer,v.Containers,`acd-icon-adaptiveCard`),this.registerPeer(i.Container,u.ContainerPeer,v.Containers,`acd-icon-container`),this.registerPeer(i.ColumnSet,u.ColumnSetPeer,v.Containers,`acd-icon-columnSet`),this.registerPeer(i.Column,u.ColumnPeer,v.Containers,`acd-icon-column`),this.registerPeer(i.ImageSet,u.ImageSetPeer,v.Containers,`acd-icon-imageSet`),this.registerPeer(i.FactSet,u.FactSetPeer,v.Containers,`acd-icon-factSet`),this.registerPeer(i.Table,u.TablePeer,v.Containers,`acd-icon-table`),this.registerPeer(i.TableRow,u.TableRowPeer,v.Containers,`acd-icon-tableRow`),this.registerPeer(i.TableCell,u.TableCellPeer,v.Containers,`acd-icon-tableCell`),this.registerPeer(i.Carousel,u.CarouselPeer,v.Containers,`acd-icon-carousel`),this.registerPeer(i.CarouselPage,u.CarouselPagePeer,v.Containers,`acd-icon-carouselPage`),this.registerPeer(i.TextBlock,u.TextBlockPeer,v.Elements,`acd-icon-textBlock`),this.registerPeer(i.RichTextBlock,u.RichTextBlockPeer,v.Elements,`acd-icon-richTextBlock`),this.registerPeer(i.Image,u.ImagePeer,v.Elements,`acd-icon-image`),this.registerPeer(i.Media,u.MediaPeer,v.Elements,`acd-icon-media`),this.registerPeer(i.ActionSet,u.ActionSetPeer,v.Elements,`acd-icon-actionSet`),this.registerPeer(i.TextInput,u.TextInputPeer,v.Inputs,`acd-icon-inputText`),this.registerPeer(i.DateInput,u.DateInputPeer,v.Inputs,`acd-icon-inputDate`),this.registerPeer(i.TimeInput,u.TimeInputPeer,v.Inputs,`acd-icon-inputTime`),this.registerPeer(i.ToggleInput,u.ToggleInputPeer,v.Inputs,`acd-icon-inputToggle`),this.registerPeer(i.NumberInput,u.NumberInputPeer,v.Inputs,`acd-icon-inputNumber`),this.registerPeer(i.ChoiceSetInput,u.ChoiceSetInputPeer,v.Inputs,`acd-icon-inputChoiceSet`)},t.prototype.createPeerInstance=function(e,t,n,r){var i=this.findTypeRegistration(n.constructor);return i?new i.peerType(t,e,i,n,r):new u.CardElementPeer(t,e,this.defaultRegistration,n,r)},t}(y);e.CardElementPeerRegistry=b;var x=function(e){r(t,e);function t(){return e!==null&&e.apply(this,arguments)||this}return t.prototype.reset=function(){this.clear(),this.registerPeer(i.HttpAction,u.HttpActionPeer,v.Actions,`acd-icon-actionHttp`),this.registerPeer(i.SubmitAction,u.SubmitActionPeer,v.Actions,`acd-icon-actionSubmit`),this.registerPeer(i.ExecuteAction,u.ExecuteActionPeer,v.Actions,`acd-icon-actionSubmit`),this.registerPeer(i.OpenUrlAction,u.OpenUrlActionPeer,v.Actions,`acd-icon-actionOpenUrl`),this.registerPeer(i.ShowCardAction,u.ShowCardActionPeer,v.Actions,`acd-icon-actionShowCard`),this.registerPeer(i.ToggleVisibilityAction,u.ToggleVisibilityActionPeer,v.Actions,`acd-icon-actionToggleVisibility`)},t.prototype.createPeerInstance=function(e,t,n){var r=this.findTypeRegistration(n.constructor);return r?new r.peerType(t,e,r,n):new u.ActionPeer(t,e,this.defaultRegistration,n)},t}(y);e.ActionPeerRegistry=x;var S=function(e){r(t,e);function t(){return e!==null&&e.apply(this,arguments)||this}return t.prototype.internalRender=function(){var e=document.createElement(`div`);return e.classList.add(`acd-peerButton`,`acd-peerButton-icon`,`fixedWidth`,`circular`,`acd-icon-drag`),e.title=`Drag to move this element`,e.setAttribute(`aria-label`,`Drag to move this element`),e.setAttribute(`role`,`button`),e.style.visibility=`hidden`,e.style.position=`absolute`,e.style.zIndex=`500`,e.tabIndex=0,e},t}(c.DraggableElement);e.DesignContext=function(){function e(){}return e}(),e.CardDesignerSurface=function(){function e(e){var t=this;this.context=e,this._updateCount=0,this._allPeers=[],this._isPreviewMode=!1,this._shouldPersistSelectedElement=!1,this.fixedHeightCard=!1,this._serializationContext=this.context.hostContainer.createSerializationContext(this.context.targetVersion);var n=document.createElement(`div`);n.style.position=`relative`,n.style.width=`100%`,n.style.height=`100%`,this._cardHost=document.createElement(`div`),this._cardHost.style.height=`100%`,n.appendChild(this._cardHost),this._designerSurface=document.createElement(`div`),this._designerSurface.classList.add(`acd-designersurface`),this._designerSurface.tabIndex=-1,this._designerSurface.style.position=`absolute`,this._designerSurface.style.left=`0`,this._designerSurface.style.top=`0`,this._designerSurface.style.width=`100%`,this._designerSurface.style.height=`100%`,this._designerSurface.onkeyup=function(e){if(t._selectedPeer)switch(e.key){case o.Constants.keys.escape:t.draggedPeer?t.endDrag(!0):t.setSelectedPeer(t._selectedPeer.parent);break;case o.Constants.keys.backspace:case o.Constants.keys.delete:t.draggedPeer||t.removeSelected();break;case o.Constants.keys.enter:t._selectedPeer instanceof u.ActionPeer&&t._selectedPeer.action.renderedElement.click()}return!e.cancelBubble},this._designerSurface.onpointermove=function(e){var n=t._designerSurface.getBoundingClientRect();if(t.draggedPeer){t._designerSurface.hasPointerCapture&&!t._designerSurface.hasPointerCapture(e.pointerId)&&t._designerSurface.setPointerCapture(e.pointerId),t._dragVisual||(t._dragVisual=document.createElement(`div`),t._dragVisual.style.pointerEvents=`none`,t._dragVisual.style.backgroundColor=`white`,t._dragVisual.style.padding=`6px`,t._dragVisual.style.opacity=`0.6`,t._dragVisual.style.boxShadow=`0 0 15px -5px rgba(0, 0, 0, 0.4)`,t._dragVisual.style.position=`absolute`,t._dragVisual.style.boxSizing=`content-box`,t._dragVisual.appendChild(t.draggedPeer.getCardObject().renderedElement.cloneNode(!0)),document.body.appendChild(t._dragVisual));var r=l.Utils.adjustPointForScroll(e);t._dragVisual.style.left=r.x-6+`px`,t._dragVisual.style.top=r.y-6+`px`;var i=t.draggedPeer.getCardObject().renderedElement.getBoundingClientRect();t._dragVisual.style.width=i.width+`px`,t._dragVisual.style.height=i.height+`px`,t._dragVisual.style.zIndex=`500`,t.tryDrop({x:e.x-n.left,y:e.y-n.top},t.draggedPeer)}},this._designerSurface.onpointerup=function(e){t._designerSurface.releasePointerCapture(e.pointerId),t.draggedPeer&&t.endDrag(!1)},n.appendChild(this._designerSurface),this.context.hostContainer.cardHost.innerHTML=``,this.context.hostContainer.cardHost.appendChild(n),this._card=new i.AdaptiveCard,this._card.onInlineCardExpanded=function(e,n){t.inlineCardExpanded(e,n)},this._card.onPreProcessPropertyValue=function(e,n,r){if(p.GlobalSettings.enableDataBindingSupport&&typeof r==`string`&&t.context.sampleData&&t.context.bindingPreviewMode!==_.NoPreview){var i=d.Template.parseInterpolatedString(r);if(typeof i==`string`)return i;var a=void 0;a=t.context.bindingPreviewMode===_.SampleData?{$root:t.context.sampleData,$host:t.context.sampleHostData}:{$root:t.context.dataStructure.dataType.generateSampleData(),$host:t.context.hostDataStructure.dataType.generateSampleData()};var o=d.Template.tryEvaluateExpression(i,a,!0);return typeof o.value==`string`?o.value:r}return r},this._card.version=this.context.targetVersion,this._card.hostConfig=this.context.hostContainer.getHostConfig(),this._card.designMode=!0,i.AdaptiveCard.onCarouselEvent=function(e){t._isPreviewMode||t.render()},this.render()}return e.prototype.updatePeerCommandsLayout=function(){if(this._selectedPeer){var e=this._selectedPeer.getBoundingRect(),t=this._dragHandle.renderedElement.getBoundingClientRect(),n=this._removeCommandElement.getBoundingClientRect();this._dragHandle.renderedElement.style.left=e.left-t.width+`px`,this._dragHandle.renderedElement.style.top=e.top-t.height+`px`,this._removeCommandElement.style.left=e.right+`px`,this._removeCommandElement.style.top=e.top-n.height+`px`,this._peerCommandsHostElement.style.left=e.left+`px`,this._peerCommandsHostElement.style.top=e.bottom+2+`px`,this._peerCommandsHostElement.style.width=e.width+`px`,this._dragHandle.renderedElement.style.visibility=this._selectedPeer.isDraggable()?`visible`:`hidden`,this._removeCommandElement.style.visibility=this._selectedPeer.canBeRemoved()?`visible`:`hidden`,this._peerCommandsHostElement.style.visibility=this._peerCommandsHostElement.childElementCount>0?`visible`:`hidden`,this._designerSurface.contains(this._dragHandle.renderedElement)&&this._designerSurface.removeChild(this._dragHandle.renderedElement),this._designerSurface.contains(this._removeCommandElement)&&this._designerSurface.removeChild(this._removeCommandElement),this._designerSurface.contains(this._peerCommandsHostElement)&&this._designerSurface.removeChild(this._peerCommandsHostElement),this._selectedPeer.renderedElement.after(this._dragHandle.renderedElement),this._dragHandle.renderedElement.after(this._removeCommandElement),this._removeCommandElement.after(this._peerCommandsHostElement)}else this._dragHandle.renderedElement.style.visibility=`hidden`,this._removeCommandElement.style.visibility=`hidden`,this._peerCommandsHostElement.style.visibility=`hidden`},e.prototype.setSelectedPeer=function(e){if(this._selectedPeer!=e){if(this._selectedPeer&&(this._selectedPeer.isSelected=!1),this._selectedPeer=e,this._peerCommandsHostElement.innerHTML=``,this._selectedPeer){this._selectedPeer.isSelected=!0;for(var t=this._selectedPeer.getCommands(this.context),n=0,r=t;n<r.length;n++){var i=r[n];this._peerCommandsHostElement.appendChild(i.render())}}this.updatePeerCommandsLayout(),this.onSelectedPeerChanged&&this.onSelectedPeerChanged(this._selectedPeer)}},e.prototype.peerChanged=function(e,t){this.renderCard(),this.updateLayout(),t&&this.onSelectedPeerChanged&&this.onSelectedPeerChanged(this._selectedPeer)},e.prototype.peerRemoved=function(e){this._allPeers.splice(this._allPeers.indexOf(e),1),e==this._selectedPeer&&this.setSelectedPeer(null),this._updateCount==0&&(this.renderCard(),this.updateLayout())},e.prototype.generateCardToRender=function(e){var t=this.card;if(e){var n=this.card.toJSON(this._serializationContext);t=new i.AdaptiveCard,t.hostConfig=this.card.hostConfig;var r=n;if(p.GlobalSettings.enableDataBindingSupport)try{var a=new d.Template(n),o=void 0;o=this.context.bindingPreviewMode===_.SampleData?{$root:this.context.sampleData,$host:this.context.sampleHostData}:{$root:this.context.dataStructure.dataType.generateSampleData(),$host:this.context.hostDataStructure.dataType.generateSampleData()},r=a.expand(o)}catch(e){console.log(`Template expansion error: `+e.message)}t.parse(r,this._serializationContext)}return t},e.prototype.renderCard=function(){var e;if(this._cardHost.innerHTML=``,this.onCardValidated){for(var t=[],n=0;n<this._serializationContext.eventCount;n++)t.push(this._serializationContext.getEventAt(n));t.push.apply(t,this.card.validateProperties().validationEvents),this.onCardValidated(t)}var r=this.generateCardToRender(this.isPreviewMode);this.isPreviewMode&&(r.onExecuteAction=function(e){var t=`Action executed: "`+e.getJsonTypeName()+`" title: "`+e.title+`"`,n=e.verb;n&&(t+=` verb: "`+n+`"`);var r=void 0,i=e.getRootObject();if(i)for(var o=0;o<i.getItemCount();o++){var s=i.getItemAt(o);if(s instanceof a.Carousel){r=s.currentPageId;break}}r&&(t+=`
carousel page id: "`+r+`"`);var c=e.url;c&&(t+=`
url: "`+c+`"`);var l=e.data;l&&(t+=`
Submitted data: `+JSON.stringify(l,void 0,4)),alert(t)});var i=r.render();this._cardHost.innerHTML===``&&this._cardHost.appendChild(i),this.fixedHeightCard&&(this.isPreviewMode&&(this.context.hostContainer?.requiresOverflowStyling()?this.appendErrorMessage(g.Strings.widgetOverflowWarning):i.style.overflow=`hidden`),(e=this.context.hostContainer)==null||e.adjustStyleForBackground(),i.style.height=`100%`)},e.prototype.appendErrorMessage=function(e){var t=document.createElement(`div`);t.className=`acd-error-pane-message`,t.innerText=e,t.style.whiteSpace=`normal`,document.getElementById(`errorPane`).appendChild(t)},e.prototype.addPeer=function(e,t){var n=this;if(t===void 0&&(t=!1),this._allPeers.indexOf(e)<0){this._allPeers.push(e),e.render(),e instanceof u.CardElementPeer&&(e.renderedElement.style.display=e.isVisible()?`initial`:`none`,this._persistentSelectedCardElement&&this._persistentSelectedCardElement===e.cardElement&&(this._persistentSelectedPeer=e,this._persistentSelectedCardElement=null)),e.onSelectedChanged=function(e){e.isSelected?n.setSelectedPeer(e):n._selectedPeer==e&&n.setSelectedPeer(null)},e.onChanged=function(e,t){n.peerChanged(e,t)},e.onPeerRemoved=function(e){n.peerRemoved(e)},e.onPeerAdded=function(e,t){n.addPeer(t,t.insertAfterNeighbor),t.insertAfterNeighbor=!1,n.updateLayout()},e.onStartDrag=function(e){n.startDrag(e)},e.onEndDrag=function(e){n.endDrag(!1)},t?e.addElementsToDesignerSurface(this._designerSurface,this.getPeerDOMNeighbor(e)):e.addElementsToDesignerSurface(this._designerSurface);for(var r=0;r<e.getChildCount();r++)this.addPeer(e.getChildAt(r),t)}},e.prototype.internalFindDropTarget=function(e,t,n){if(t==n)return null;var r=null,i=t instanceof u.ActionPeer;if(!i&&t?.isVisible()&&(i=t.getBoundingRect().isInside(e)),i){t.canDrop(n)&&(r=t);for(var a=0;a<t.getChildCount();a++){var o=this.internalFindDropTarget(e,t.getChildAt(a),n);if(o){r=o;break}}}return r},e.prototype.findCardElementPeer=function(e){for(var t=0;t<this._allPeers.length;t++){var n=this._allPeers[t];if(n instanceof u.CardElementPeer&&n.cardElement==e)return n}return null},e.prototype.findActionPeer=function(e){for(var t=0;t<this._allPeers.length;t++){var n=this._allPeers[t];if(n instanceof u.ActionPeer&&n.action==e)return n}return null},e.prototype.inlineCardExpanded=function(t,n){var r=this.findCardElementPeer(t.card);if(n){if(r)r.addElementsToDesignerSurface(this._designerSurface,this.getPeerDOMNeighbor(r));else{var a=e.cardElementPeerRegistry.findTypeRegistration(i.AdaptiveCard);r=new a.peerType(r,this,a,t.card),r.insertAfterNeighbor=!0;var o=this.findActionPeer(t);o?o.insertChild(r):this._rootPeer.insertChild(r)}}else r&&r.removeElementsFromDesignerSurface(!0);this.updateLayout()},Object.defineProperty(e.prototype,"card",{get:function(){return this._card},enumerable:!1,configurable:!0}),e.prototype.setDraggedPeer=function(e){this._draggedPeer!=e&&(this._draggedPeer&&(this._draggedPeer.dragging=!1),this._draggedPeer=e,this._draggedPeer&&(this._draggedPeer.dragging=!0))},e.prototype.getDesignerSurfaceOffset=function(){var e=this._designerSurface.getBoundingClientRect();return{x:e.left,y:e.top}},e.prototype.findDropTarget=function(e,t){return this.internalFindDropTarget(e,this._rootPeer,t)},e.prototype.findPeer=function(e){for(var t=0,n=this._allPeers;t<n.length;t++){var r=n[t];if(r.getCardObject()===e)return r}},e.prototype.beginUpdate=function(){this._updateCount++},e.prototype.endUpdate=function(e){this._updateCount>0&&(this._updateCount--,this._updateCount==0&&(e&&this.renderCard(),this.updateLayout()))},e.prototype.render=function(){var t=this;this._designerSurface.innerHTML=``,this._allPeers=[],this._shouldPersistSelectedElement&&this._selectedPeer&&this._selectedPeer instanceof u.CardElementPeer&&(this._persistentSelectedCardElement=this._selectedPeer.cardElement,this._shouldPersistSelectedElement=!1),this.setSelectedPeer(null),this.renderCard(),this._rootPeer=e.cardElementPeerRegistry.createPeerInstance(this,null,this.card),this.addPeer(this._rootPeer),this._removeCommandElement=document.createElement(`div`),this._removeCommandElement.classList.add(`acd-peerButton`,`acd-peerButton-icon`,`fixedWidth`,`circular`,`acd-icon-remove`),this._removeCommandElement.title=`Remove`,this._removeCommandElement.setAttribute(`aria-label`,`Remove`),this._removeCommandElement.setAttribute(`role`,`button`),this._removeCommandElement.style.visibility=`hidden`,this._removeCommandElement.style.position=`absolute`,this._removeCommandElement.style.zIndex=`500`,this._removeCommandElement.tabIndex=0,this._removeCommandElement.onclick=function(e){t.removeSelected()},this._removeCommandElement.onkeyup=function(e){e.key===o.Constants.keys.enter&&t.removeSelected()},this._dragHandle=new S,this._dragHandle.onStartDrag=function(e){t._dragHandle.endDrag(),t.startDrag(t._selectedPeer)},this._dragHandle.render(),this._peerCommandsHostElement=document.createElement(`div`),this._peerCommandsHostElement.style.visibility=`hidden`,this._peerCommandsHostElement.style.position=`absolute`,this._peerCommandsHostElement.style.display=`flex`,this._peerCommandsHostElement.style.justifyContent=`flex-end`,this._peerCommandsHostElement.style.zIndex=`500`,this._peerCommandsHostElement.style.pointerEvents=`none`,this.updateLayout(),this._persistentSelectedPeer&&=(this.setSelectedPeer(this._persistentSelectedPeer),null)},e.prototype.getCardPayloadAsObject=function(){return this.card.toJSON(this._serializationContext)},e.prototype.setCardPayloadAsObject=function(e){this._serializationContext.clearEvents(),this.card.parse(e,this._serializationContext),this.render()},e.prototype.setCardPayloadAsString=function(e){try{this.setCardPayloadAsObject(JSON.parse(e))}catch(e){console.warn(`Invalid JSON string. `+e)}},e.prototype.getBoundCardPayloadAsObject=function(){return this.generateCardToRender(!0).toJSON(this._serializationContext)},e.prototype.updateLayout=function(e){if(e===void 0&&(e=!0),!this.isPreviewMode){for(var t=0;t<this._allPeers.length;t++)this._allPeers[t].updateLayout();this.updatePeerCommandsLayout(),this.onLayoutUpdated&&this.onLayoutUpdated(e)}},e.prototype.removeSelected=function(){if(this.selectedPeer){this.beginUpdate();try{var e=this.selectedPeer.parent;this.selectedPeer.remove(!1,!0)&&(this.setSelectedPeer(e),e.focus())}finally{this.endUpdate(!0),this.selectedPeer instanceof u.CarouselPeer&&(this.selectedPeer.cardElement.currentIndex=0,this.render())}}},e.prototype.startDrag=function(e){this.draggedPeer||(this._designerSurface.classList.add(`dragging`),this.setDraggedPeer(e),this.setSelectedPeer(this.draggedPeer),this.onStartDrag&&this.onStartDrag(this))},e.prototype.endDrag=function(e){var t;this.draggedPeer&&(this.draggedPeer.removeElementsFromDesignerSurface(!0),this.draggedPeer.addElementsToDesignerSurface(this._designerSurface,this.getPeerDOMNeighbor(this._draggedPeer)),this._dropTarget.renderedElement.classList.remove(`dragover`),(t=this._dragVisual)==null||t.parentNode.removeChild(this._dragVisual),this._dragVisual=void 0,this.setDraggedPeer(null),this.onEndDrag&&this.onEndDrag(this,e),this._designerSurface.classList.remove(`dragging`))},e.prototype.getPeerDOMNeighbor=function(e){if(e.parent){var t=e.parent;if(t instanceof u.ActionSetPeer){var n=t.getChildCount();n>1&&(t=t.getChildAt(n-2))}else if(t instanceof u.ActionPeer)t=t.parent,t=t.getChildAt(t.getChildCount()-1);else if(e instanceof u.CardElementPeer){var r=e.cardElement.index;r>0&&(t=t.getChildAt(r-1),t.getChildCount()>0&&(t=this.getLastPeerInContainer(t)))}return t.renderedElement}},e.prototype.getLastPeerInContainer=function(e){var t=e.getChildAt(e.getChildCount()-1);return t.getChildCount()>0&&(t=this.getLastPeerInContainer(t)),t},e.prototype.tryDrop=function(e,t){if(t){this._dropTarget&&this._dropTarget.renderedElement.classList.remove(`dragover`);var n=this.findDropTarget(e,t);if(n)return this._dropTarget=n,this._dropTarget.renderedElement.classList.add(`dragover`),this._dropTarget.tryDrop(t,e)}return!1},e.prototype.isPointerOver=function(e,t){var n=this._designerSurface.getBoundingClientRect();return e>=n.left&&e<=n.right&&t>=n.top&&t<=n.bottom},e.prototype.pageToClientCoordinates=function(e,t){var n=this._designerSurface.getBoundingClientRect();return{x:e-n.left,y:t-n.top}},Object.defineProperty(e.prototype,"rootPeer",{get:function(){return this._rootPeer},enumerable:!1,configurable:!0}),Object.defineProperty(e.prototype,"selectedPeer",{get:function(){return this._selectedPeer},enumerable:!1,configurable:!0}),Object.defineProperty(e.prototype,"draggedPeer",{get:function(){return this._draggedPeer},enumerable:!1,configurable:!0}),Object.defineProperty(e.prototype,"isPreviewMode",{get:function(){return this._isPreviewMode},set:function(e){this._isPreviewMode!=e&&(this._isPreviewMode=e,this._isPreviewMode?(this._designerSurface.classList.add(`acd-hidden`),this._dragHandle.renderedElement.classList.add(`acd-hidden`),this._removeCommandElement.classList.add(`acd-hidden`),this._peerCommandsHostElement.classList.add(`acd-hidden`)):(this._designerSurface.classList.remove(`acd-hidden`),this._dragHandle.renderedElement.classList.remove(`acd-hidden`),this._removeCommandElement.classList.remove(`acd-hidden`),this._peerCommandsHostElement.classList.remove(`acd-hidden`)),this.card.designMode=!this._isPreviewMode,this.renderCard(),this.updateLayout(!1))},enumerable:!1,configurable:!0}),Object.defineProperty(e.prototype,"shouldPersistSelectedElement",{set:function(e){this._shouldPersistSelectedElement=e},enumerable:!1,configurable:!0}),e.cardElementPeerRegistry=new b,e.actionPeerRegistry=new x,e}()})),Oi=e(((e,t,n)=>{var r;(function(n,i){typeof e==`object`&&typeof t==`object`?t.exports=i():typeof r==`function`&&r.amd?r([],i):typeof e==`object`?e.ClipboardJS=i():n.ClipboardJS=i()})(n,function(){return(function(){var e={686:(function(e,t,n){n.d(t,{default:function(){return O}});var r=n(279),i=n.n(r),a=n(370),o=n.n(a),s=n(817),c=n.n(s);function l(e){try{return document.execCommand(e)}catch{return!1}}var u=function(e){var t=c()(e);return l(`cut`),t};function d(e){var t=document.documentElement.getAttribute(`dir`)===`rtl`,n=document.createElement(`textarea`);n.style.fontSize=`12pt`,n.style.border=`0`,n.style.padding=`0`,n.style.margin=`0`,n.style.position=`absolute`,n.style[t?`right`:`left`]=`-9999px`;var r=window.pageYOffset||document.documentElement.scrollTop;return n.style.top=`${r}px`,n.setAttribute(`readonly`,``),n.value=e,n}var f=function(e,t){var n=d(e);t.container.appendChild(n);var r=c()(n);return l(`copy`),n.remove(),r},p=function(e){var t=arguments.length>1&&arguments[1]!==void 0?arguments[1]:{container:document.body},n=``;return typeof e==`string`?n=f(e,t):e instanceof HTMLInputElement&&![`text`,`search`,`url`,`tel`,`password`].includes(e?.type)?n=f(e.value,t):(n=c()(e),l(`copy`)),n};function m(e){"@babel/helpers - typeof";return m=typeof Symbol==`function`&&typeof Symbol.iterator==`symbol`?function(e){return typeof e}:function(e){return e&&typeof Symbol==`function`&&e.constructor===Symbol&&e!==Symbol.prototype?`symbol`:typeof e},m(e)}var h=function(){var e=arguments.length>0&&arguments[0]!==void 0?arguments[0]:{},t=e.action,n=t===void 0?`copy`:t,r=e.container,i=e.target,a=e.text;if(n!==`copy`&&n!==`cut`)throw Error(`Invalid "action" value, use either "copy" or "cut"`);if(i!==void 0){if(i&&m(i)===`object`&&i.nodeType===1){if(n===`copy`&&i.hasAttribute(`disabled`))throw Error(`Invalid "target" attribute. Please use "readonly" instead of "disabled" attribute`);if(n===`cut`&&(i.hasAttribute(`readonly`)||i.hasAttribute(`disabled`)))throw Error(`Invalid "target" attribute. You can't cut text from elements with "readonly" or "disabled" attributes`)}else throw Error(`Invalid "target" value, use a valid Element`)}if(a)return p(a,{container:r});if(i)return n===`cut`?u(i):p(i,{container:r})};function g(e){"@babel/helpers - typeof";return g=typeof Symbol==`function`&&typeof Symbol.iterator==`symbol`?function(e){return typeof e}:function(e){return e&&typeof Symbol==`function`&&e.constructor===Symbol&&e!==Symbol.prototype?`symbol`:typeof e},g(e)}function _(e,t){if(!(e instanceof t))throw TypeError(`Cannot call a class as a function`)}function v(e,t){for(var n=0;n<t.length;n++){var r=t[n];r.enumerable=r.enumerable||!1,r.configurable=!0,`value`in r&&(r.writable=!0),Object.defineProperty(e,r.key,r)}}function y(e,t,n){return t&&v(e.prototype,t),n&&v(e,n),e}function b(e,t){if(typeof t!=`function`&&t!==null)throw TypeError(`Super expression must either be null or a function`);e.prototype=Object.create(t&&t.prototype,{constructor:{value:e,writable:!0,configurable:!0}}),t&&x(e,t)}function x(e,t){return x=Object.setPrototypeOf||function(e,t){return e.__proto__=t,e},x(e,t)}function S(e){var t=T();return function(){var n=E(e),r;if(t){var i=E(this).constructor;r=Reflect.construct(n,arguments,i)}else r=n.apply(this,arguments);return C(this,r)}}function C(e,t){return t&&(g(t)===`object`||typeof t==`function`)?t:w(e)}function w(e){if(e===void 0)throw ReferenceError(`this hasn't been initialised - super() hasn't been called`);return e}function T(){if(typeof Reflect>`u`||!Reflect.construct||Reflect.construct.sham)return!1;if(typeof Proxy==`function`)return!0;try{return Date.prototype.toString.call(Reflect.construct(Date,[],function(){})),!0}catch{return!1}}function E(e){return E=Object.setPrototypeOf?Object.getPrototypeOf:function(e){return e.__proto__||Object.getPrototypeOf(e)},E(e)}function D(e,t){var n=`data-clipboard-${e}`;if(t.hasAttribute(n))return t.getAttribute(n)}var O=function(e){b(n,e);var t=S(n);function n(e,r){var i;return _(this,n),i=t.call(this),i.resolveOptions(r),i.listenClick(e),i}return y(n,[{key:`resolveOptions`,value:function(){var e=arguments.length>0&&arguments[0]!==void 0?arguments[0]:{};this.action=typeof e.action==`function`?e.action:this.defaultAction,this.target=typeof e.target==`function`?e.target:this.defaultTarget,this.text=typeof e.text==`function`?e.text:this.defaultText,this.container=g(e.container)===`object`?e.container:document.body}},{key:`listenClick`,value:function(e){var t=this;this.listener=o()(e,`click`,function(e){return t.onClick(e)})}},{key:`onClick`,value:function(e){var t=e.delegateTarget||e.currentTarget,n=this.action(t)||`copy`,r=h({action:n,container:this.container,target:this.target(t),text:this.text(t)});this.emit(r?`success`:`error`,{action:n,text:r,trigger:t,clearSelection:function(){t&&t.focus(),window.getSelection().removeAllRanges()}})}},{key:`defaultAction`,value:function(e){return D(`action`,e)}},{key:`defaultTarget`,value:function(e){var t=D(`target`,e);if(t)return document.querySelector(t)}},{key:`defaultText`,value:function(e){return D(`text`,e)}},{key:`destroy`,value:function(){this.listener.destroy()}}],[{key:`copy`,value:function(e){return p(e,arguments.length>1&&arguments[1]!==void 0?arguments[1]:{container:document.body})}},{key:`cut`,value:function(e){return u(e)}},{key:`isSupported`,value:function(){var e=arguments.length>0&&arguments[0]!==void 0?arguments[0]:[`copy`,`cut`],t=typeof e==`string`?[e]:e,n=!!document.queryCommandSupported;return t.forEach(function(e){n&&=!!document.queryCommandSupported(e)}),n}}]),n}(i())}),828:(function(e){if(typeof Element<`u`&&!Element.prototype.matches){var t=Element.prototype;t.matches=t.matchesSelector||t.mozMatchesSelector||t.msMatchesSelector||t.oMatchesSelector||t.webkitMatchesSelector}e.exports=function(e,t){for(;e&&e.nodeType!==9;){if(typeof e.matches==`function`&&e.matches(t))return e;e=e.parentNode}}}),438:(function(e,t,n){var r=n(828);function i(e,t,n,r,i){var o=a.apply(this,arguments);return e.addEventListener(n,o,i),{destroy:function(){e.removeEventListener(n,o,i)}}}function a(e,t,n,i){return function(n){n.delegateTarget=r(n.target,t),n.delegateTarget&&i.call(e,n)}}e.exports=function(e,t,n,r,a){return typeof e.addEventListener==`function`?i.apply(null,arguments):typeof n==`function`?i.bind(null,document).apply(null,arguments):(typeof e==`string`&&(e=document.querySelectorAll(e)),Array.prototype.map.call(e,function(e){return i(e,t,n,r,a)}))}}),879:(function(e,t){t.node=function(e){return e!==void 0&&e instanceof HTMLElement&&e.nodeType===1},t.nodeList=function(e){var n=Object.prototype.toString.call(e);return e!==void 0&&(n===`[object NodeList]`||n===`[object HTMLCollection]`)&&`length`in e&&(e.length===0||t.node(e[0]))},t.string=function(e){return typeof e==`string`||e instanceof String},t.fn=function(e){return Object.prototype.toString.call(e)===`[object Function]`}}),370:(function(e,t,n){var r=n(879),i=n(438);function a(e,t,n){return e.addEventListener(t,n),{destroy:function(){e.removeEventListener(t,n)}}}function o(e,t,n){return Array.prototype.forEach.call(e,function(e){e.addEventListener(t,n)}),{destroy:function(){Array.prototype.forEach.call(e,function(e){e.removeEventListener(t,n)})}}}function s(e,t,n){return i(document.body,e,t,n)}e.exports=function(e,t,n){if(!e&&!t&&!n)throw Error(`Missing required arguments`);if(!r.string(t))throw TypeError(`Second argument must be a String`);if(!r.fn(n))throw TypeError(`Third argument must be a Function`);if(r.node(e))return a(e,t,n);if(r.nodeList(e))return o(e,t,n);if(r.string(e))return s(e,t,n);throw TypeError(`First argument must be a String, HTMLElement, HTMLCollection, or NodeList`)}}),817:(function(e){e.exports=function(e){var t;if(e.nodeName===`SELECT`)e.focus(),t=e.value;else if(e.nodeName===`INPUT`||e.nodeName===`TEXTAREA`){var n=e.hasAttribute(`readonly`);n||e.setAttribute(`readonly`,``),e.select(),e.setSelectionRange(0,e.value.length),n||e.removeAttribute(`readonly`),t=e.value}else{e.hasAttribute(`contenteditable`)&&e.focus();var r=window.getSelection(),i=document.createRange();i.selectNodeContents(e),r.removeAllRanges(),r.addRange(i),t=r.toString()}return t}}),279:(function(e){function t(){}t.prototype={on:function(e,t,n){var r=this.e||={};return(r[e]||(r[e]=[])).push({fn:t,ctx:n}),this},once:function(e,t,n){var r=this;function i(){r.off(e,i),t.apply(n,arguments)}return i._=t,this.on(e,i,n)},emit:function(e){for(var t=[].slice.call(arguments,1),n=((this.e||={})[e]||[]).slice(),r=0,i=n.length;r<i;r++)n[r].fn.apply(n[r].ctx,t);return this},off:function(e,t){var n=this.e||={},r=n[e],i=[];if(r&&t)for(var a=0,o=r.length;a<o;a++)r[a].fn!==t&&r[a].fn._!==t&&i.push(r[a]);return i.length?n[e]=i:delete n[e],this}},e.exports=t,e.exports.TinyEmitter=t})},t={};function n(r){if(t[r])return t[r].exports;var i=t[r]={exports:{}};return e[r](i,i.exports,n),i.exports}return(function(){n.n=function(e){var t=e&&e.__esModule?function(){return e.default}:function(){return e};return n.d(t,{a:t}),t}})(),(function(){n.d=function(e,t){for(var r in t)n.o(t,r)&&!n.o(e,r)&&Object.defineProperty(e,r,{enumerable:!0,get:t[r]})}})(),(function(){n.o=function(e,t){return Object.prototype.hasOwnProperty.call(e,t)}})(),n(686)})().default})})),ki=e((e=>{Object.defineProperty(e,"__esModule",{value:!0}),e.defaultDataPayload=e.defaultTemplatePayload=e.defaultPayload=e.otherTestPayload=void 0,e.otherTestPayload=`{
	"$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
	"type": "AdaptiveCard",
	"version": "1.0",
	"body": [
		{
			"type": "ActionSet",
			"actions": [
				{
					"type": "Action.ShowCard",
					"title": "Set due date",
					"card": {
						"type": "AdaptiveCard",
						"body": [
							{
								"type": "Input.Date",
								"id": "dueDate",
								"title": "Select due date"
							},
							{
								"type": "Input.Text",
								"id": "comment",
								"isMultiline": true,
								"placeholder": "Add a comment"
							}
						],
						"actions": [
							{
								"type": "Action.OpenUrl",
								"title": "OK",
								"url": "https://adaptivecards.io"
							}
						]
					}
				},
				{
					"type": "Action.OpenUrl",
					"title": "View",
					"url": "https://adaptivecards.io"
				}
			]
		}
	]
}`,e.defaultPayload=`{
    "type": "AdaptiveCard",
    "body": [
        {
            "type": "TextBlock",
            "size": "Medium",
            "weight": "Bolder",
            "text": "Publish Adaptive Card schema"
        },
        {
            "type": "ColumnSet",
            "columns": [
                {
                    "type": "Column",
                    "items": [
                        {
                            "type": "Image",
                            "style": "Person",
                            "url": "https://matthidinger.com/images/bio-photo.jpg",
                            "size": "Small"
                        }
                    ],
                    "width": "auto"
                },
                {
                    "type": "Column",
                    "items": [
                        {
                            "type": "TextBlock",
                            "weight": "Bolder",
                            "text": "Matt Hidinger",
                            "wrap": true
                        },
                        {
                            "type": "TextBlock",
                            "spacing": "None",
                            "text": "Created {{DATE(2017-02-14T06:08:39Z,SHORT)}}",
                            "isSubtle": true,
                            "wrap": true
                        }
                    ],
                    "width": "stretch"
                }
            ]
        },
        {
            "type": "TextBlock",
            "text": "Now that we have defined the main rules and features of the format, we need to produce a schema and publish it to GitHub. The schema will be the starting point of our reference documentation.",
            "wrap": true
        },
        {
            "type": "FactSet",
            "facts": [
                {
                    "title": "Board:",
                    "value": "Adaptive Card"
                },
                {
                    "title": "List:",
                    "value": "Backlog"
                },
                {
                    "title": "Assigned to:",
                    "value": "Matt Hidinger"
                },
                {
                    "title": "Due date:",
                    "value": "Not set"
                }
            ]
        }
    ],
    "actions": [
        {
            "type": "Action.ShowCard",
            "title": "Set due date",
            "card": {
                "type": "AdaptiveCard",
                "body": [
                    {
                        "type": "Input.Date",
                        "id": "dueDate"
                    },
                    {
                        "type": "Input.Text",
                        "id": "comment",
                        "placeholder": "Add a comment",
                        "isMultiline": true
                    }
                ],
                "actions": [
                    {
                        "type": "Action.OpenUrl",
                        "title": "OK",
                        "url": "http://adaptivecards.io"
                    }
                ],
                "$schema": "http://adaptivecards.io/schemas/adaptive-card.json"
            }
        },
        {
            "type": "Action.OpenUrl",
            "title": "View",
            "url": "http://adaptivecards.io"
        }
    ],
    "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
    "version": "1.0"
}`,e.defaultTemplatePayload=`{
    "type": "AdaptiveCard",
    "body": [
        {
            "type": "Container",
            "items": [
                {
                    "type": "TextBlock",
                    "text": "This example uses [Adaptive Card Templating](https://docs.microsoft.com/en-us/adaptive-cards/templating/) *(Preview)*",
                    "size": "Medium",
                    "wrap": true
                },
                {
                    "type": "TextBlock",
                    "text": "Click the **Preview mode** toolbar button to see the card bound to the **Sample Data** in the lower-right. Sample Data helps design your card by simulating the real data.",
                    "wrap": true
                },
                {
                    "type": "TextBlock",
                    "text": "When you're ready to populate it with real data, use the Adaptive Card [templating SDKs](https://docs.microsoft.com/en-us/adaptive-cards/templating/sdk).",
                    "wrap": true
                }
            ],
            "style": "good",
            "bleed": true
        },
        {
            "type": "TextBlock",
            "size": "Medium",
            "weight": "Bolder",
            "text": "{title}"
        },
        {
            "type": "ColumnSet",
            "columns": [
                {
                    "type": "Column",
                    "items": [
                        {
                            "type": "Image",
                            "style": "Person",
                            "url": "{creator.profileImage}",
                            "size": "Small"
                        }
                    ],
                    "width": "auto"
                },
                {
                    "type": "Column",
                    "items": [
                        {
                            "type": "TextBlock",
                            "weight": "Bolder",
                            "text": "{creator.name}",
                            "wrap": true
                        },
                        {
                            "type": "TextBlock",
                            "spacing": "None",
                            "text": "Created {{DATE({createdUtc},SHORT)}}",
                            "isSubtle": true,
                            "wrap": true
                        }
                    ],
                    "width": "stretch"
                }
            ]
        },
        {
            "type": "TextBlock",
            "text": "{description}",
            "wrap": true
        },
        {
            "type": "FactSet",
            "facts": [
                {
                    "$data": "{properties}",
                    "title": "{key}:",
                    "value": "{value}"
                }
            ]
        }
    ],
    "actions": [
        {
            "type": "Action.ShowCard",
            "title": "Set due date",
            "card": {
                "type": "AdaptiveCard",
                "body": [
                    {
                        "type": "Input.Date",
                        "id": "dueDate"
                    },
                    {
                        "type": "Input.Text",
                        "id": "comment",
                        "placeholder": "Add a comment",
                        "isMultiline": true
                    }
                ],
                "actions": [
                    {
                        "type": "Action.Submit",
                        "title": "OK"
                    }
                ],
                "$schema": "http://adaptivecards.io/schemas/adaptive-card.json"
            }
        },
        {
            "type": "Action.OpenUrl",
            "title": "View",
            "url": "{viewUrl}"
        }
    ],
    "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
    "version": "1.0"
}`,e.defaultDataPayload=`{
    "title": "Publish Adaptive Card Schema",
    "description": "Now that we have defined the main rules and features of the format, we need to produce a schema and publish it to GitHub. The schema will be the starting point of our reference documentation.",
    "creator": {
        "name": "Matt Hidinger",
        "profileImage": "https://matthidinger.com/images/bio-photo.jpg"
    },
    "createdUtc": "2017-02-14T06:08:39Z",
    "viewUrl": "https://adaptivecards.io",
    "properties": [
        { "key": "Board", "value": "Adaptive Cards" },
        { "key": "List", "value": "Backlog" },
        { "key": "Assigned to", "value": "Matt Hidinger" },
        { "key": "Due date", "value": "Not set" }
    ]
}`})),Ai=e((e=>{Object.defineProperty(e,"__esModule",{value:!0}),e.Pic2Card=void 0,e.Pic2Card=function(){function e(){}return e.pic2cardService=``,e.privacyLink=`../privacy`,e}()})),ji=e((e=>{Object.defineProperty(e,"__esModule",{value:!0}),e.Dialog=e.DialogButton=void 0;var t=Q(),n=function(){function e(e){this.caption=e}return e.prototype.render=function(){var e=this,t=document.createElement(`button`);return t.className=`acd-dialog-button`,t.innerText=this.caption,t.onclick=function(t){e.clicked()},t},e.prototype.clicked=function(){this.onClick&&this.onClick(this)},e}();e.DialogButton=n,e.Dialog=function(){function e(){var e=this;this._isOpen=!1,this.onClose=null,this.preventLightDismissal=!1,this.closeButton=new n(`Close`),this.closeButton.onClick=function(t){e.close()}}return e.prototype.open=function(){var e=this;if(!this._isOpen){this._originalFocusedElement=document.activeElement,this._overlayElement=document.createElement(`div`),this._overlayElement.className=`acd-dialog-overlay`,this._overlayElement.onclick=function(t){e.preventLightDismissal||e.close()};var n=document.createElement(`div`);n.className=`acd-dialog-frame`,n.style.width=this.width,n.style.height=this.height,n.setAttribute(`aria-modal`,`true`),n.setAttribute(`role`,`dialog`),n.setAttribute(`aria-labelledby`,`acd-dialog-title-element`),n.tabIndex=-1,n.onclick=function(t){if(!e.preventLightDismissal)return t.cancelBubble=!0,!1},n.onkeydown=function(n){switch(n.key){case t.Constants.keys.tab:n.shiftKey&&document.activeElement===e._firstFocusableElement?(n.preventDefault(),e._lastFocusableElement.focus()):!n.shiftKey&&document.activeElement===e._lastFocusableElement&&(n.preventDefault(),e._firstFocusableElement.focus());break;case t.Constants.keys.escape:e.close(),n.preventDefault(),n.cancelBubble=!0}return!n.cancelBubble};var r=document.createElement(`div`);r.className=`acd-dialog-title-host`;var i=document.createElement(`div`);i.className=`acd-dialog-title`,i.id=`acd-dialog-title-element`,i.innerText=this.title,i.setAttribute(`role`,`heading`),i.setAttribute(`aria-level`,`1`),i.tabIndex=-1;var a=document.createElement(`button`);a.className=`acd-icon acd-dialog-titleBar-button acd-icon-remove`,a.title=`Close`,a.onclick=function(t){e.close()},r.appendChild(i),r.appendChild(a);var o=this.renderContent();o.style.flex=`1 1 auto`;var s=document.createElement(`div`);if(s.className=`acd-dialog-buttonBar`,this.buttons?.length>0)for(var c=0,l=this.buttons;c<l.length;c++){var u=l[c];s.appendChild(u.render())}s.appendChild(this.closeButton.render()),n.appendChild(r),n.appendChild(o),n.appendChild(s),this._overlayElement.appendChild(n),document.body.appendChild(this._overlayElement);var d=n.querySelectorAll(`a[href], area[href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [tabindex="0"]`);this._firstFocusableElement=d[0],this._lastFocusableElement=d[d.length-1],this._firstFocusableElement.focus(),this._isOpen=!0}},e.prototype.close=function(){this._isOpen&&(document.body.removeChild(this._overlayElement),this._isOpen=!1,this.onClose&&this.onClose(this),this._originalFocusedElement.focus(),this._originalFocusedElement=null)},e}()})),Mi=e(((e,t,n)=>{var r=n&&n.__extends||(function(){var e=function(t,n){return e=Object.setPrototypeOf||{__proto__:[]}instanceof Array&&function(e,t){e.__proto__=t}||function(e,t){for(var n in t)Object.prototype.hasOwnProperty.call(t,n)&&(e[n]=t[n])},e(t,n)};return function(t,n){if(typeof n!=`function`&&n!==null)throw TypeError(`Class extends value `+String(n)+` is not a constructor or null`);e(t,n);function r(){this.constructor=t}t.prototype=n===null?Object.create(n):(r.prototype=n.prototype,new r)}})();Object.defineProperty(e,"__esModule",{value:!0}),e.OpenSampleDialog=void 0;var i=h(),a=(f(),s(m)),o=ji(),c=Q(),l=function(){function e(e){this.props=e}return e.getNewItemId=function(t){var n=t+`-`+e._id;return e._id++,n},e.prototype.render=function(){var t=this,n=e.getNewItemId(`acd-open-sample-item-title`),r=document.createElement(`div`);r.className=`acd-open-sample-item`,r.tabIndex=0,r.setAttribute(`aria-labelledBy`,n),r.setAttribute(`role`,`listitem`),r.onclick=this.props.onClick??(function(e){t.onCardSelected()}),r.onkeyup=function(e){switch(e.key){case c.Constants.keys.enter:t.props.onKeyEnterEvent?t.props.onKeyEnterEvent(e):t.onCardSelected();break;case c.Constants.keys.down:t.navigateToNextElement(r);break;case c.Constants.keys.up:t.navigateToPreviousElement(r);break;case c.Constants.keys.right:t.navigateToNextElement(r);break;case c.Constants.keys.left:t.navigateToPreviousElement(r)}};var i=document.createElement(`div`);if(i.className=`acd-open-sample-item-thumbnail`,this.props.cardData instanceof Function){var a=document.createElement(`div`);a.className=`acd-spinner`,a.style.width=`28px`,a.style.height=`28px`,i.appendChild(a);var o=this.props.cardData(function(e){i.removeChild(a),e.thumbnail instanceof Function?i.appendChild(e.thumbnail()):e.thumbnail&&i.appendChild(e.thumbnail)});o&&(i.removeChild(a),o.thumbnail instanceof Function?i.appendChild(o.thumbnail()):o.thumbnail&&i.appendChild(o.thumbnail))}else this.props.cardData&&(this.props.cardData.thumbnail instanceof Function?i.appendChild(this.props.cardData.thumbnail()):this.props.cardData.thumbnail&&i.appendChild(this.props.cardData.thumbnail));var s=document.createElement(`div`);return s.className=`acd-open-sample-item-title`,s.id=n,s.innerText=this.props.label,r.appendChild(i),r.appendChild(s),r},e.prototype.navigateToNextElement=function(e){e.nextSibling?e.nextSibling.focus():this.onNavigateToNextList&&this.onNavigateToNextList()},e.prototype.navigateToPreviousElement=function(e){e.previousSibling?e.previousSibling.focus():this.onNavigateToPreviousList&&this.onNavigateToPreviousList()},e.prototype.onCardSelected=function(){if(this.onComplete){if(this.props.cardData instanceof Function){var e=this.props.cardData(this.onComplete);e&&this.onComplete(e)}else this.props.cardData&&this.onComplete(this.props.cardData)}},e._id=0,e}();e.OpenSampleDialog=function(e){r(t,e);function t(t){var n=e.call(this)||this;return n.props=t,n._listElements=[],n}return t.prototype.renderSection=function(e,t){var n=this,r=document.createElement(`div`);if(e){var i=document.createElement(`div`);i.className=`acd-dialog-title`,i.innerText=e,i.style.marginTop=`10px`,r.appendChild(i)}var a=document.createElement(`div`);a.className=`acd-open-sample-item-container`,a.setAttribute(`role`,`list`),this._listElements.push(a);for(var o=0,s=t;o<s.length;o++){var c=s[o];if(c){var u=new l(c);u.onComplete=function(e){n._output=e,n.close()},u.onNavigateToNextList=function(){var e=n._listElements.indexOf(a);e!==-1&&e+1<n._listElements.length&&n._listElements.at(e+1)?.firstChild&&n._listElements.at(e+1).firstChild.focus()},u.onNavigateToPreviousList=function(){var e=n._listElements.indexOf(a);e!==-1&&e-1>=0&&n._listElements.at(e-1)?.lastChild&&n._listElements.at(e-1).lastChild.focus()},a.appendChild(u.render())}}return r.appendChild(a),r},t.prototype.renderContent=function(){var e=this,n=document.createElement(`div`);n.style.overflow=`auto`;var r=this.renderSection(null,t._builtinItems.concat(this.props.handlers));if(n.appendChild(r),this.props.catalogue){var o=document.createElement(`hr`);n.appendChild(o),this.props.catalogue.onDownloaded=function(t){if(t.isDownloaded){var r=e.renderSection(`Explore`,e.props.catalogue.entries.map(function(e){return{label:e.displayName,cardData:function(t){e.onDownloaded=function(n){var r=n.cardPayloadDownloaded;if(r)try{var o=JSON.parse(n.cardPayload),s=new a.AdaptiveCard,c=n.sampleData?new i.Template(o).expand({$root:JSON.parse(n.sampleData)}):o;return s.parse(c),s.render(),s.renderedElement.style.width=`100%`,t({cardPayload:e.cardPayload,sampleData:e.sampleData,sampleHostData:`{}`,thumbnail:s.renderedElement})}catch(e){console.error(`Unable to load card sample. Error: `+e),r=!1}},e.download()}}}));n.appendChild(r)}else console.error(`Sender is not downloaded`)},this.props.catalogue.download()}return r.firstElementChild.focus(),n},Object.defineProperty(t.prototype,"output",{get:function(){return this._output},enumerable:!1,configurable:!0}),t._builtinItems=[{label:`Blank Card`,cardData:{cardPayload:JSON.stringify({type:`AdaptiveCard`,$schema:`http://adaptivecards.io/schemas/adaptive-card.json`,version:`1.0`,body:[]})}}],t}(o.Dialog)})),Ni=e(((e,t,n)=>{var r=n&&n.__extends||(function(){var e=function(t,n){return e=Object.setPrototypeOf||{__proto__:[]}instanceof Array&&function(e,t){e.__proto__=t}||function(e,t){for(var n in t)Object.prototype.hasOwnProperty.call(t,n)&&(e[n]=t[n])},e(t,n)};return function(t,n){if(typeof n!=`function`&&n!==null)throw TypeError(`Class extends value `+String(n)+` is not a constructor or null`);e(t,n);function r(){this.constructor=t}t.prototype=n===null?Object.create(n):(r.prototype=n.prototype,new r)}})();Object.defineProperty(e,"__esModule",{value:!0}),e.OpenJsonSchemaDialog=void 0;var i=(f(),s(m)),a=ji(),o=h();e.OpenJsonSchemaDialog=function(e){r(t,e);function t(){var t=e.call(this)||this;return t.submitButton=new a.DialogButton(`Create`),t.submitButton.onClick=function(e){t.close()},t.buttons=[t.submitButton],t}return t.prototype.open=function(){e.prototype.open.call(this),this._editor.layout()},t.prototype.renderPreview=function(){var e=document.createElement(`div`);e.className=`acd-open-code-dialog-preview`;var t=new i.AdaptiveCard;if(this.output?.cardPayload)try{var n=JSON.parse(this.output.cardPayload);t.parse(n)}catch(e){console.error(e)}else t.parse({type:`AdaptiveCard`,$schema:`http://adaptivecards.io/schemas/adaptive-card.json`,version:`1.0`,body:[{type:`TextBlock`,text:`Input JSON Schema to create a card!`,wrap:!0,size:`Large`}]});return t.render(),t.renderedElement.style.width=`100%`,e.appendChild(t.renderedElement),e},t.prototype.refreshPreview=function(){this._previewContainer.removeChild(this._previewElement),this._previewElement=this.renderPreview(),this._previewContainer.appendChild(this._previewElement)},t.prototype.renderEditor=function(){var e=this,t=document.createElement(`div`);t.className=`acd-open-code-dialog-editor`;var n=window.monaco;return this._editor=n.editor.create(t,{folding:!0,fontSize:13.5,language:`json`}),this._editor.layout(),this._editor.onDidChangeModelContent(function(){try{var t=e._editor.getValue(),n=JSON.parse(t),r=(0,o.JSONSchemaCard)(n);e._output={cardPayload:JSON.stringify(r)},e.refreshPreview()}catch(e){console.error(e)}}),t},t.prototype.renderContent=function(){var e=document.createElement(`div`);e.className=`acd-open-code-dialog-container`;var t=document.createElement(`div`);t.className=`acd-open-code-dialog-editor-container`,e.appendChild(t);var n=document.createElement(`h3`);n.innerText=`JSON Schema`,t.appendChild(n);var r=this.renderEditor();return t.appendChild(r),this._previewContainer=document.createElement(`div`),this._previewContainer.className=`acd-open-code-dialog-preview-container`,e.appendChild(this._previewContainer),this._previewElement=this.renderPreview(),this._previewContainer.appendChild(this._previewElement),e},Object.defineProperty(t.prototype,"output",{get:function(){return this._output},enumerable:!1,configurable:!0}),t}(a.Dialog)})),Pi=e((e=>{Object.defineProperty(e,"__esModule",{value:!0}),e.adaptiveCardSchema=void 0,e.adaptiveCardSchema={$schema:`http://json-schema.org/draft-06/schema#`,id:`http://adaptivecards.io/schemas/adaptive-card.json`,type:`object`,title:`Microsoft Adaptive Card Schema`,additionalProperties:!0,allOf:[{$ref:`#/definitions/AdaptiveCard`}],properties:{version:{type:`string`,description:`version of schema that this card was authored `},minVersion:{type:`string`,description:`if a client doesn't support the minVersion the card should be rejected and return the fallbackText.  If it does, then the elements that are not supported are safe to ignore`},fallbackText:{type:`string`,description:`if a client is not able to show the card, show fallbackText to the user. This can be in markdown format. `},speak:{type:`string`,description:`Specifies what should be spoken for this entire Item. This is simple text or SSML fragment`}},required:[`version`],definitions:{Action:{anyOf:[{$ref:`#/definitions/Action.Submit`},{$ref:`#/definitions/Action.ShowCard`},{$ref:`#/definitions/Action.OpenUrl`}]},"Action.OpenUrl":{additionalProperties:!0,description:`When Action.OpenUrl is invoked it will show the given url, either by launching it to an external web browser or showing in-situ with embedded web browser.`,properties:{title:{type:`string`,description:`Label for button or link that represents this action`},type:{type:`string`,description:`Must be Action.OpenUrl`,enum:[`Action.OpenUrl`]},url:{type:`string`,description:`The URL to open`}},required:[`type`,`url`],type:`object`},"Action.ShowCard":{type:`object`,additionalProperties:!0,description:`Action.ShowCard defines an inline AdaptiveCard which is shown to the user when it is clicked.`,properties:{type:{type:`string`,description:`Must be Action.ShowCard`,enum:[`Action.ShowCard`]},title:{type:`string`,description:`Label for button or link that represents this action`},card:{$ref:`#/definitions/AdaptiveCard`}},required:[`type`,`card`]},"Action.Submit":{type:`object`,additionalProperties:!0,description:`Submit action gathers up input fields, merges with optional data field and generates event to client asking for data to be submitted. It is up to the client to determine how that data is processed. For example: With BotFramework bots the client would send an activity through the messaging medium to the bot.`,properties:{type:{type:`string`,description:`Must be Action.Submit`,enum:[`Action.Submit`]},title:{type:`string`,description:`Label for button or link that represents this action`},data:{type:[`string`,`object`],description:`initial data that input fields will be combined with. This is essentially 'hidden' properties`}},required:[`type`]},Actions:{additionalItems:!0,items:{$ref:`#/definitions/Action`},type:`array`},AdaptiveCard:{additionalProperties:!0,type:`object`,description:`Card schema for an adaptive card`,properties:{type:{type:`string`,description:`Must be AdaptiveCard`,enum:[`AdaptiveCard`]},actions:{description:`The Actions to show in the card's action bar`,$ref:`#/definitions/Actions`},body:{type:[`object`,`array`],description:`The Card Elements to show in the primary card region`,$ref:`#/definitions/CardElements`}},required:[`type`,`version`]},CardElement:{additionalProperties:!0,properties:{type:{type:`string`},id:{type:`string`,description:`A unique Id associated with the element`},spacing:{$ref:`#/definitions/SpacingStyle`},separator:{type:`boolean`,description:`The Separator object type describes the look and feel of a separation line between two elements.`,default:!1}},required:[`type`]},CardElements:{type:`array`,additionalItems:!0,items:[{anyOf:[{$ref:`#/definitions/TextBlock`},{$ref:`#/definitions/Image`},{$ref:`#/definitions/Container`},{$ref:`#/definitions/ColumnSet`},{$ref:`#/definitions/FactSet`},{$ref:`#/definitions/ImageSet`},{$ref:`#/definitions/Input.Text`},{$ref:`#/definitions/Input.Number`},{$ref:`#/definitions/Input.Date`},{$ref:`#/definitions/Input.Time`},{$ref:`#/definitions/Input.Toggle`},{$ref:`#/definitions/Input.ChoiceSet`}]}]},"Input.Choice":{type:`object`,description:`Describes a Choice input. The value should be a simple string without a ","`,additionalProperties:!0,properties:{type:{type:`string`,enum:[`Input.Choice`]},title:{type:`string`,description:`The text for a choice`},value:{type:`string`,description:`The raw value for the choice. NOTE: do not use a "," in the value, since MultiSelect ChoiceSet returns a comma-delimited string of choice values`}},required:[`title`,`value`]},ChoiceInputStyle:{type:`string`,description:`Style hint for Input.ChoiceSet`,enum:[`compact`,`expanded`]},Column:{additionalProperties:!0,type:`object`,description:`Defines a container that is part of a ColumnSet`,allOf:[{$ref:`#/definitions/CardElement`}],properties:{items:{description:`The Card Elements to include in the Column`,$ref:`#/definitions/CardElements`},selectAction:{description:`An Action that will be invoked when the Column is tapped or selected`,$ref:`#/definitions/Action`},width:{type:[`string`,`number`],description:`"auto", "stretch", or a number representing relative width of the column in the column group`},type:{type:`string`,description:`Must be Column`,enum:[`Column`]}},required:[`items`]},ColumnSet:{additionalProperties:!0,type:`object`,description:`ColumnSet divides a region into Column's allowing elements to sit side-by-side`,allOf:[{$ref:`#/definitions/CardElement`}],properties:{columns:{type:`array`,description:`The array of Columns to divide the region into`,items:{$ref:`#/definitions/Column`}},selectAction:{$ref:`#/definitions/Action`,description:`The Action that is executed when the ColumnSet is clicked/tapped`},type:{type:`string`,description:`Must be ColumnSet`,enum:[`ColumnSet`]}}},Container:{additionalProperties:!0,type:`object`,description:`Containers group items together`,allOf:[{$ref:`#/definitions/CardElement`}],properties:{items:{description:`The Card Elements to render inside the Container`,$ref:`#/definitions/CardElements`},selectAction:{description:`An Action that will be invoked when the Image is tapped or selected`,$ref:`#/definitions/Action`},style:{type:`string`,description:`Style hint for Container`,enum:[`default`,`emphasis`]},type:{type:`string`,description:`Must be Container`,enum:[`Container`]}},required:[`items`]},Fact:{additionalProperties:!0,type:`object`,description:`Describes a Fact in a FactSet as a key/value pair`,properties:{type:{type:`string`,enum:[`Fact`]},title:{type:`string`,description:`The title of the fact`},value:{type:`string`,description:`The value of the fact`}},required:[`title`,`value`]},FactSet:{additionalProperties:!0,type:`object`,description:`The FactSet Item makes it simple to display a series of facts (e.g. name/value pairs) in a tabular form.`,allOf:[{$ref:`#/definitions/CardElement`}],properties:{facts:{type:`array`,description:`The array of Facts`,items:{$ref:`#/definitions/Fact`}},type:{type:`string`,description:`Must be FactSet`,enum:[`FactSet`]}},required:[`facts`]},HorizontalAlignment:{type:`string`,description:`Controls how Items are horizontally positioned within their container.`,enum:[`left`,`center`,`right`]},Image:{additionalProperties:!0,type:`object`,description:`The Image Item allows for the inclusion of images in an Adaptive Card.`,allOf:[{$ref:`#/definitions/CardElement`}],properties:{altText:{type:`string`,description:`Alternate text for the image for accessibility`},horizontalAlignment:{$ref:`#/definitions/HorizontalAlignment`},selectAction:{description:`An Action that will be invoked when the Image is tapped or selected`,$ref:`#/definitions/Action`},size:{type:`object`,$ref:`#/definitions/ImageSize`},style:{$ref:`#/definitions/ImageStyle`},type:{type:`string`,description:`Must be Image`,enum:[`Image`]},url:{type:`string`,description:`The URL to the image.`}},required:[`url`]},ImageSet:{additionalProperties:!0,type:`object`,description:`The ImageSet allows for the inclusion of a collection images like a photogallery.`,allOf:[{$ref:`#/definitions/CardElement`}],properties:{images:{type:`array`,description:`The array of Image elements to show`,items:{$ref:`#/definitions/Image`}},imageSize:{$ref:`#/definitions/ImageSize`},type:{type:`string`,description:`Must be ImageSet`,enum:[`ImageSet`]}},required:[`images`]},ImageSize:{type:`string`,description:`Controls the approximate size of the image. The physical dimensions will vary per host. Specify "auto" for true image dimension or "stretch" to force it to fill the container`,default:`auto`,enum:[`auto`,`stretch`,`small`,`medium`,`large`]},ImageStyle:{type:`string`,description:`Controls the way Images are displayed`,enum:[`default`,`person`]},"Input.ChoiceSet":{additionalProperties:!0,type:`object`,description:`Shows an array of Choice objects`,allOf:[{$ref:`#/definitions/CardElement`}],properties:{choices:{type:`array`,description:`the choice options`,items:{$ref:`#/definitions/Input.Choice`}},id:{type:`string`,description:`Id for the value (will be used to identify collected input when SUBMIT is clicked)`},isMultiSelect:{type:`boolean`,description:`allow multiple choices to be selected`,default:!1},style:{$ref:`#/definitions/ChoiceInputStyle`},type:{description:`Must be Input.ChoiceInput`,enum:[`Input.ChoiceSet`],type:`string`},value:{type:`string`,description:`The initial choice (or set of choices) that should be selected. For multi-select, specifcy a comma-separated string of values`}},required:[`id`,`choices`]},"Input.Date":{additionalProperties:!0,type:`object`,description:`Input.Date collects Date from the user,`,allOf:[{$ref:`#/definitions/CardElement`}],properties:{id:{type:`string`,description:`Id for the value (will be used to identify collected input when SUBMIT is clicked)`},max:{type:`string`,description:`hint of maximum value expressed in ISO-8601 format (may be ignored by some clients)`},min:{type:`string`,description:`hint of minimum value expressed in ISO-8601 format (may be ignored by some clients)`},placeholder:{type:`string`,description:`Title Description of the input desired`},type:{type:`string`,description:`The type must be Input.Date`,enum:[`Input.Date`]},value:{type:`string`,description:`The initial value for a field expressed in ISO-8601 format`}},required:[`id`]},"Input.Number":{additionalProperties:!0,type:`object`,description:`Input.Number collects number from the user,`,allOf:[{$ref:`#/definitions/CardElement`}],properties:{id:{type:`string`,description:`Id for the value (will be used to identify collected input when SUBMIT is clicked)`},max:{type:`number`,description:`hint of maximum value (may be ignored by some clients)`},min:{type:`number`,description:`hint of minimum value (may be ignored by some clients)`},placeholder:{type:`string`,description:`Title Description of the input desired`},type:{type:`string`,description:`The type must be Input.Number`,enum:[`Input.Number`]},value:{type:`number`,description:`The initial value for a field`}},required:[`id`]},"Input.Text":{additionalProperties:!0,type:`object`,description:`Input.Text collects text from the user,`,allOf:[{$ref:`#/definitions/CardElement`}],properties:{id:{type:`string`,description:`Id for the value (will be used to identify collected input when SUBMIT is clicked)`},isMultiline:{type:`boolean`,description:`Do you want to allow multiple lines of input`},maxLength:{type:`number`,description:`hint of maximum length characters to collect (may be ignored by some clients)`},placeholder:{type:`string`,description:`Title Description of the input desired`},style:{$ref:`#/definitions/TextInputStyle`},type:{type:`string`,description:`Input.Text`,enum:[`Input.Text`]},value:{type:`string`,description:`The initial value for a field`}},required:[`id`]},"Input.Time":{additionalProperties:!0,type:`object`,description:`Input.Time collects Time from the user,`,allOf:[{$ref:`#/definitions/CardElement`}],properties:{id:{type:`string`,description:`Id for the value (will be used to identify collected input when SUBMIT is clicked)`},max:{type:`string`,description:`hint of maximum value (may be ignored by some clients)`},min:{type:`string`,description:`hint of minimum value (may be ignored by some clients)`},placeholder:{type:`string`,description:`Title Description of the input desired`},type:{type:`string`,description:`The type must be Input.Time`,enum:[`Input.Time`]},value:{type:`string`,description:`The initial value for a field expressed in ISO-8601 format`}},required:[`id`]},"Input.Toggle":{additionalProperties:!0,type:`object`,description:`Input.Toggle collects a true/false response from the user`,allOf:[{$ref:`#/definitions/CardElement`}],properties:{id:{type:`string`,description:`Id for the value (will be used to identify collected input when SUBMIT is clicked)`},title:{type:`string`,description:`Title for the toggle`},type:{type:`string`,description:`Input.Toggle`,enum:[`Input.Toggle`]},value:{type:`string`,description:`The current selected value (default:false)`},valueOff:{type:`string`,description:`The value when toggle is off (default:false)`},valueOn:{type:`string`,description:`The value when toggle is on (default:true)`}},required:[`id`,`title`]},TextBlock:{additionalProperties:!0,type:`object`,description:`The TextBlock Item allows for the inclusion of text, with various font sizes, weight and color, in Adaptive Cards.`,allOf:[{$ref:`#/definitions/CardElement`}],properties:{color:{type:`string`,description:`Controls the color of TextBlock Items.`,enum:[`default`,`dark`,`light`,`accent`,`good`,`warning`,`attention`]},horizontalAlignment:{$ref:`#/definitions/HorizontalAlignment`},isSubtle:{type:`boolean`,description:`Indicates whether the color of the text should be slightly toned down to appear less prominent`},maxLines:{type:`number`,description:`When Wrap is true, you can specify the maximum number of lines to allow the textBlock to use.`},size:{type:`string`,description:`controls size of the text.`,enum:[`small`,`default`,`medium`,`large`,`extraLarge`]},text:{type:`string`,description:`The actual text to display`},type:{type:`string`,description:`Must be TextBlock`,enum:[`TextBlock`]},weight:{type:`string`,description:`Controls the weight of TextBlock Items`,enum:[`lighter`,`default`,`bolder`]},wrap:{type:`boolean`,description:`True if be is allowed to wrap`}},required:[`text`]},SeparatorStyle:{type:`object`,description:`Indicates whether there should be a visible separator (e.g. a line) between the element and the one before it. If this property is not specified, no separator is displayed. If it is, a separator line is displayed. A separator will only appear if there was a preceding element.`,properties:{thickness:{type:`string`,description:`Specifies the thickness of the separation line.`,enum:[`default`,`thick`]},color:{type:`string`,description:`Specifies the color of the separation line.`,enum:[`default`,`accent`]}}},SpacingStyle:{type:`string`,description:`Controls the amount of spacing between this element and the previous element.`,enum:[`none`,`small`,`default`,`medium`,`large`,`extraLarge`,`padding`]},TextInputStyle:{type:`string`,description:`Style hint for Input.Text.`,enum:[`text`,`tel`,`url`,`email`]}}}})),Fi=e(((e,t,n)=>{var r=n&&n.__extends||(function(){var e=function(t,n){return e=Object.setPrototypeOf||{__proto__:[]}instanceof Array&&function(e,t){e.__proto__=t}||function(e,t){for(var n in t)Object.prototype.hasOwnProperty.call(t,n)&&(e[n]=t[n])},e(t,n)};return function(t,n){if(typeof n!=`function`&&n!==null)throw TypeError(`Class extends value `+String(n)+` is not a constructor or null`);e(t,n);function r(){this.constructor=t}t.prototype=n===null?Object.create(n):(r.prototype=n.prototype,new r)}})(),i=n&&n.__awaiter||function(e,t,n,r){function i(e){return e instanceof n?e:new n(function(t){t(e)})}return new(n||=Promise)(function(n,a){function o(e){try{c(r.next(e))}catch(e){a(e)}}function s(e){try{c(r.throw(e))}catch(e){a(e)}}function c(e){e.done?n(e.value):i(e.value).then(o,s)}c((r=r.apply(e,t||[])).next())})},a=n&&n.__generator||function(e,t){var n={label:0,sent:function(){if(a[0]&1)throw a[1];return a[1]},trys:[],ops:[]},r,i,a,o={next:s(0),throw:s(1),return:s(2)};return typeof Symbol==`function`&&(o[Symbol.iterator]=function(){return this}),o;function s(e){return function(t){return c([e,t])}}function c(o){if(r)throw TypeError(`Generator is already executing.`);for(;n;)try{if(r=1,i&&(a=o[0]&2?i.return:o[0]?i.throw||((a=i.return)&&a.call(i),0):i.next)&&!(a=a.call(i,o[1])).done)return a;switch(i=0,a&&(o=[o[0]&2,a.value]),o[0]){case 0:case 1:a=o;break;case 4:return n.label++,{value:o[1],done:!1};case 5:n.label++,i=o[1],o=[0];continue;case 7:o=n.ops.pop(),n.trys.pop();continue;default:if(a=n.trys,!(a=a.length>0&&a[a.length-1])&&(o[0]===6||o[0]===2)){n=0;continue}if(o[0]===3&&(!a||o[1]>a[0]&&o[1]<a[3])){n.label=o[1];break}if(o[0]===6&&n.label<a[1]){n.label=a[1],a=o;break}if(a&&n.label<a[2]){n.label=a[2],n.ops.push(o);break}a[2]&&n.ops.pop(),n.trys.pop();continue}o=t.call(e,n)}catch(e){o=[6,e],i=0}finally{r=a=0}if(o[0]&5)throw o[1];return{value:o[0]?o[1]:void 0,done:!0}}};Object.defineProperty(e,"__esModule",{value:!0}),e.ImageItem=e.OpenImageDialog=e.FetchManager=void 0;var o=ji(),s=Ai(),c=function(){function e(){this.pic2cardService=s.Pic2Card.pic2cardService===``?{}.PIC_TO_CARD_PREDICTION_API:s.Pic2Card.pic2cardService,this.headers={"Content-Type":`application/json`,"Access-Control-Allow-Origin":`*`}}return e.prototype.getSampleImages=function(){return i(this,void 0,void 0,function(){var e,t,n;return a(this,function(r){switch(r.label){case 0:e={method:`GET`,headers:this.headers},r.label=1;case 1:return r.trys.push([1,4,,5]),[4,fetch(this.pic2cardService+`/get_card_templates`,e)];case 2:return t=r.sent(),[4,t.json()];case 3:return[2,r.sent()];case 4:return n=r.sent(),console.log(n.message),[3,5];case 5:return[2]}})})},e.prototype.getPredictedData=function(e,t){return i(this,void 0,void 0,function(){var n,r,i,o;return a(this,function(a){switch(a.label){case 0:n={method:`POST`,headers:this.headers,body:JSON.stringify({image:e.split(`,`)[1]})},a.label=1;case 1:return a.trys.push([1,4,,5]),r=t?`/predict_json?format=template`:`/predict_json`,[4,fetch(this.pic2cardService+r,n)];case 2:return i=a.sent(),[4,i.json()];case 3:return[2,a.sent()];case 4:return o=a.sent(),console.log(o.message),[3,5];case 5:return[2]}})})},e}();e.FetchManager=c,e.OpenImageDialog=function(e){r(t,e);function t(){var t=e.call(this)||this;return t._uploadedImage=`data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAGYAAABaCAYAAABKZyO0AAAAAXNSR0IArs4c6QAAAERlWElmTU0AKgAAAAgAAYdpAAQAAAABAAAAGgAAAAAAA6ABAAMAAAABAAEAAKACAAQAAAABAAAAZqADAAQAAAABAAAAWgAAAADllkhhAAALRElEQVR4Ae2c6ZfVRBDFBwdxFwWVRVlmQHHX4xc/+v/r0aOouLA5uIAKiIIbuN3fYyrmdao7nbxkXshLnXNJ0um1bndVdecNu9bq5T5leVLYLzwq7NnGLl3HLH9pcLeFP4SfhGvC78KOSEq56+rBs8JRgftJ1tZuSAkXhJt9KyNGzD41fEpgdUxS1cAVJZ0V/qm+6ibFWwlHVPWLgveum1bv/Vow6Uze68LffQwnVD5ma7OPhkZY5wMaE+R8L/zb9fjKpuwpVf5KogGc4FUB+4pT7LwzqnNIcr8686CA8gl+YoJOzgid6sOI2a2K3xa4hnJHCTi8XmZG2NhAnx9Wv04KMYI+1zv005mYKTumGr1Gf1P6RwLRyCoLk/MHga3DXkcR+JzLQmerBmIAJsxWj25n8qf+hRSuk9zVAPsZfMtjgUKwNJj6W0F660fbPHINhXBwIiXUytrauYhenq5mbZ8CIezoQ8HBs9OdpKoB9i5b1eSZKzDX4LxulgQx2MdQfgwTpuc5DRCJhYIrIEjoRCDG2933fuTQSe+XVwnBAIFRKPifTgRiiNdDYZ8ySVoDno48XaZribyFmDAaI2tnYV+k3TEke+dk6LMT6ayiTnozVVJoYCKmUMWwbiZihsVH0ZuJmEIVw7qZiBkWH0VvJmIKVQzrZiJmWHwUvfG+vxQvl3DzhNp8RnhEYNJwiMqJLt/Ye/mEq3oHKUMhhn6cEA4GWuIcj0PW54QvhJX5LjQEU8aJ7FtCSIqSCuET7xsCq2klZAjEbErTD2Vq+3nl6+ygMLPNpWRbNjF8CTzcYOSYPIgcvSybGH6Z01Qos+x+N+1z4/zLHmCbD0v0eVFzhl/r7Ii+sdYzCiw7Kms7MbxPFRnDnX3iOK6M/LAR4fM5Pz3iB+SDkraK6WoQ/LKkjbT5kQhkEjwYKbRLKP66sOwJSl/mZNnE8NvfpvKzCrTZbJ5UuUNOYwQggyNnCMQ03TRecJRbl8RKSUV/gyNn2cTwCZsdvfeZ1lP210r8xXuRSKsjxYoOipxlE4NS8DMfCt6vTniPQOCWcJGHBpJLilU5GHL6IoZwlGOUXOHnUu8LKL/853SspGvCB8JXQpMfiaRI4WD0kuDJIMjpIxrhwHFTIArit7xnhLKy9egKJHy1DSYMaBvG4uhjPgVSPhHMfB7VfShGzmm9aNuHsM5Gzwy+Szmmyk4IkIJwOszhY+5ZGGUQlNZWIZDyLJU4QqDxqWCkYBovOflIMnL6mLyRJv9P7pIYZt7x/6su7tilQ04T01YUbnhTRworJQy1B0lOV8RAykZCiZDzptAnOazU1ErxSLEuQw4RnydLWTldEHNEo0mRYoPtc+VACr7NE8xXihQrc0E3gyFnUWJQxqaNLONqH7y6XDldkGJdh5xv7CG47ujKWYQYSEEpnhCFbXkvlGbksIIWlRQpHN3krJSwD+eVsHRy1tWJ42HP9PytkIqKsOU4Wk8ghT8RvCbgaPmr31B2K+Epgb8zCZ1xmDf2zErFjHoCKR8LbesmpL5feFwIhQn1pMCkDicXZ3/syRaWNiuG/UGMFHbxkGKnv8y884InrBwCgnBwXt4wrU9SrK1zumGCeoJZ80jz8rZKa0oMp7PsqD2xoxUjxfLUkUMo3YScnSDF+p4ix/L0cm1CDKS8EOlFjBTLniKHzWcuOUR/fZkv62t4hZzvwsS+n3OJOaiOpEgpm69YnxclB1LYL3nCifMiPsWrs5x2Vg87Sk4OMQfUqVPlXpbuzadwzZEccvY4FdWRwplWW0fvNOcmQc5l900PiXVRGT+weynSblNSrBpmN0r0ojUiof1COVqrI6XPlaKuFMKE2S0Qke0qUudvCAieEPiRCZMef/uv0FhoKCYpUmgQ85W7UsI2WDmItw9iUPgc6icCrDNfqbBexRcSCOA/VqAfezNqQp9MOJt09O17gZX2q5AtsRWD4mM+hXcfCm1Jsc7VrZyDymgDtDJ2pSwrpU9SaPtVAVLanlSwalhF1MFJ+00hq88xYliunnRFitWdIoe+ecLg+iSF0B2fignFtHYlWAI25pDFuJMmLkaMylVkUfNVqXA7IUVOWAZSTgtZsy4snPHM7GbTywayD8E0YhLxQ9eFaMCS8jEqV4iRkvMlsijU4Cblc6yavknhiIhApy5S/Vl5UCq6uL0NyhAcsNogl7pSqw1y3hI4y7slVAQG36mkzifQOD6lL1LKrT2nhxPlhO37vknBdL/utGtJrNAtAUd+xxITV/QKQQQu+xL5qOt9gYk/J3WmbCdJoWOeWeublIfULqTEVsolveN3CzeEf4RcQdk/CKwwHL+3P0P/mDXyzfmcFDE7TYr6NhPIuS4wsCvCeaGJQpQ9WzDlhOaYoFCw//w+4LKwSPtEr6w0IjsICgXCmBxz/+NVjBhI+UjYCfOlZipC+8y0RrF/pZb6hBPK4pkaTAzmm0kSE8zVYYFD3f3CbwL99oTVcFWAYMxmKPzNKb6m0HfM+TNTaGjMwiw95AwQJTL+1KSAFAgpl0fhHwuYvJh8rResTsLmUDaVgKWYmbSYXc1xcGHF99rzhjqMgkM5qwRWa0w8UsiLLl8T8BkpwTR75LHPOWAFY8TY+7FesfVPO4PDdOFTYhIjxfLnkMOK+FKYrQwruH09Zs+rSoxHCjq5YIpxrnWkWJEccvAl3gQoAoRVJQZnHcpPSoiZsFxSrM4ccrYsc3Cd9W0VicHpEwWFMheull42JcWK1pFjkafltyunBtFNlWUa4zXmnK9FBsspdzn6imRzkyHnFSEW/RJCh4L/W1/FFUO4GgqhcWwPMpvBYYEGz5ASmwwx07lnIuauhjlliIlHGP7I2+exw/dOjGPbj1i7D6wiMd6Zlad8I+qSbsrvMT+fCN4xzU2lnw7y23mZkisSI2xPzPZVahhRgnccn/q+Q2j7nsBpMYpE+SlhL5Sbn70MbYc8rIcJqQbH8s4zNR5Z5fGiPI5LciU3PxbL4+B2zJQRIo5VvNVRR0xfuvDMKm3NiCnbT+tArIC9v5evxQluaRBtf2xRqqLVLXsqT/5kxXiRwSNe7pGkeafGHCAugxzvBIKg4g7EeB1dNHYfMoexvYOnpL7H4bU5O/qHGG/Hy4aIKGSMwhfFW87AYgebTtZOktCxt0pnpwEQw2bJi8n5EMT7McqPzqD2Ks2bwU7WTpI2I7XMoj8UT/j4jZOJM5sXhTGS4xGDCvjUvMh4vW8s1BsKq/OxMFHPWK/ZptM6wSdPbxdKBW8IYwsGiMywFKEQJZ0MEyPPnm/2jmnC4pivF8LE7eeLlr6+fYMpw/Z6dpZDv8MCK8iIZGZ45k/J94ygWMYVCjOZfdyN8EXwTHmCJNsgck7mWZ5yMfTNRPd8yxWlFx/Pwo3khl4eFeoE8+etsLpyQ3vPpAt1YH3c0g1ImScUDZFsWr2AQsmFsIl9WfBOmpnk7wrF1iXsFM8bwhFhkrs/OfpCivBOC5roB1fwquCtFOo5I8z5PTNlvDTB9mLW9gkhcZZnVa5sPA8IEOP5lDo9YOaOC6eE2LHPlt59J8xJSvEcyxwTDgmpfHMVjvgBx44CiZyYuDFBV/hj/A8+zHyQbivCKvlMqJjLHIVDEKuHGJ8GebYgQLcrKaweiMIncNaIPtALYGPOtU6+VYbzQoUUCuYQQ75QMIFty4Z1De0ZC7HR4/gg4qxQRGC6r8hYlVsZaMMEnPVLAtcu5aYqOyfwMS0pEzFx9aAbHD/bh9jxfLz0/Bs2tBeFuchrPsv800TMvD68J3SEI4ck9iBeJKvkihDJESiAq4LrS5TuykSMq5ZoIk4e575XMGfPFaVbIMCVzSafFxqRofyF/AeKmggOi7OUtAAAAABJRU5ErkJggg==`,t.isTemplateOptionChecked=!1,t.allowedImageSize=2,t.fetchManager=new c,t}return t.prototype.setContent=function(e){this._renderedElement.appendChild(e)},t.prototype.removeContent=function(e){this._renderedElement.removeChild(e)},t.prototype.renderTitle=function(){var e=document.createElement(`div`);return e.className=`acd-image-title`,e.innerText=`Upload your own card design`,e},t.prototype.renderTitleContent=function(){var e=document.createElement(`div`);return e.className=`acd-image-title-content`,e.innerText=`Design your card and upload it as a png or jpeg, and watch it magically convert to a functioning Adaptive Card`,e},t.prototype.renderUploadedImage=function(){return this._imageElement=document.createElement(`img`),this._imageElement.className=`acd-image-placeholder`,this._imageElement.setAttribute(`src`,this._uploadedImage),this._imageElement},t.prototype.renderUploadButton=function(e){var t=s.Pic2Card.privacyLink;this._buttonContainer=document.createElement(`div`),this._buttonContainer.className=`acd-upload-button-container`;var n=document.createElement(`div`);return n.className=`acd-image-file-note`,n.innerHTML=`By using the upload feature you agree to our <a href=`+t+` target='_blank'><span class='link'> image usage policy</span></a>`,e!==`file`&&this._buttonContainer.appendChild(this.renderCheckbox()),this._buttonContainer.appendChild(e===`file`?this.createFileButton():this.createActionButton()),this._buttonContainer.appendChild(n),this._buttonContainer},t.prototype.renderCheckbox=function(){var e=this,t=document.createElement(`div`);t.className=`acd-checkbox-container`;var n=document.createElement(`INPUT`);n.className=`acd-checkbox-element`,n.setAttribute(`id`,`template-option`),n.setAttribute(`type`,`checkbox`),n.onclick=function(){e.isTemplateOptionChecked=!!document.getElementById(`template-option`).checked},n.onfocus=function(){var e=document.getElementById(`acd-custom-checkbox-item`);e.className=`acd-custom-checkbox acd-custom-checkbox-foucs`},n.addEventListener(`focusout`,function(){var e=document.getElementById(`acd-custom-checkbox-item`);e.className=`acd-custom-checkbox`});var r=document.createElement(`SPAN`);return r.id=`acd-custom-checkbox-item`,r.className=`acd-custom-checkbox`,t.appendChild(n),t.appendChild(r),t.appendChild(this.renderLabelText()),t},t.prototype.renderLabelText=function(){var e=document.createElement(`LABEL`);return e.className=`acd-label-element`,e.setAttribute(`for`,`template-option`),e.innerHTML=`Create Adaptive Card with <a href='https://aka.ms/ACTemplating' target='_blank'><span class='link'>template bindings</span></a> and sample data`,e},t.prototype.checkFileSize=function(e){return parseInt((e.size/1024/1024).toFixed(4))<this.allowedImageSize},t.prototype.createFileButton=function(){var e=this,t=document.createElement(`INPUT`);return t.className=`acd-file-type`,t.setAttribute(`type`,`file`),t.setAttribute(`button-name`,`Browse File`),t.setAttribute(`accept`,`image/*`),t.setAttribute(`aria-label`,`Browse File`),t.onchange=function(){if(e.checkFileSize(t.files[0])){var n=new FileReader;n.readAsDataURL(t.files[0]),n.onload=function(){return e.renderImage(n.result,t.files[0].name)},n.onerror=function(e){return console.log(e)}}else e._inputTemplate.removeChild(e._buttonContainer),e._inputTemplate.appendChild(e.renderUploadButton(`file`)),e.generateErrorText(`Invalid file size. Try image under 2 MB`),e._uploadedImage=`data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAGYAAABaCAYAAABKZyO0AAAAAXNSR0IArs4c6QAAAERlWElmTU0AKgAAAAgAAYdpAAQAAAABAAAAGgAAAAAAA6ABAAMAAAABAAEAAKACAAQAAAABAAAAZqADAAQAAAABAAAAWgAAAADllkhhAAALRElEQVR4Ae2c6ZfVRBDFBwdxFwWVRVlmQHHX4xc/+v/r0aOouLA5uIAKiIIbuN3fYyrmdao7nbxkXshLnXNJ0um1bndVdecNu9bq5T5leVLYLzwq7NnGLl3HLH9pcLeFP4SfhGvC78KOSEq56+rBs8JRgftJ1tZuSAkXhJt9KyNGzD41fEpgdUxS1cAVJZ0V/qm+6ibFWwlHVPWLgveum1bv/Vow6Uze68LffQwnVD5ma7OPhkZY5wMaE+R8L/zb9fjKpuwpVf5KogGc4FUB+4pT7LwzqnNIcr8686CA8gl+YoJOzgid6sOI2a2K3xa4hnJHCTi8XmZG2NhAnx9Wv04KMYI+1zv005mYKTumGr1Gf1P6RwLRyCoLk/MHga3DXkcR+JzLQmerBmIAJsxWj25n8qf+hRSuk9zVAPsZfMtjgUKwNJj6W0F660fbPHINhXBwIiXUytrauYhenq5mbZ8CIezoQ8HBs9OdpKoB9i5b1eSZKzDX4LxulgQx2MdQfgwTpuc5DRCJhYIrIEjoRCDG2933fuTQSe+XVwnBAIFRKPifTgRiiNdDYZ8ySVoDno48XaZribyFmDAaI2tnYV+k3TEke+dk6LMT6ayiTnozVVJoYCKmUMWwbiZihsVH0ZuJmEIVw7qZiBkWH0VvJmIKVQzrZiJmWHwUvfG+vxQvl3DzhNp8RnhEYNJwiMqJLt/Ye/mEq3oHKUMhhn6cEA4GWuIcj0PW54QvhJX5LjQEU8aJ7FtCSIqSCuET7xsCq2klZAjEbErTD2Vq+3nl6+ygMLPNpWRbNjF8CTzcYOSYPIgcvSybGH6Z01Qos+x+N+1z4/zLHmCbD0v0eVFzhl/r7Ii+sdYzCiw7Kms7MbxPFRnDnX3iOK6M/LAR4fM5Pz3iB+SDkraK6WoQ/LKkjbT5kQhkEjwYKbRLKP66sOwJSl/mZNnE8NvfpvKzCrTZbJ5UuUNOYwQggyNnCMQ03TRecJRbl8RKSUV/gyNn2cTwCZsdvfeZ1lP210r8xXuRSKsjxYoOipxlE4NS8DMfCt6vTniPQOCWcJGHBpJLilU5GHL6IoZwlGOUXOHnUu8LKL/853SspGvCB8JXQpMfiaRI4WD0kuDJIMjpIxrhwHFTIArit7xnhLKy9egKJHy1DSYMaBvG4uhjPgVSPhHMfB7VfShGzmm9aNuHsM5Gzwy+Szmmyk4IkIJwOszhY+5ZGGUQlNZWIZDyLJU4QqDxqWCkYBovOflIMnL6mLyRJv9P7pIYZt7x/6su7tilQ04T01YUbnhTRworJQy1B0lOV8RAykZCiZDzptAnOazU1ErxSLEuQw4RnydLWTldEHNEo0mRYoPtc+VACr7NE8xXihQrc0E3gyFnUWJQxqaNLONqH7y6XDldkGJdh5xv7CG47ujKWYQYSEEpnhCFbXkvlGbksIIWlRQpHN3krJSwD+eVsHRy1tWJ42HP9PytkIqKsOU4Wk8ghT8RvCbgaPmr31B2K+Epgb8zCZ1xmDf2zErFjHoCKR8LbesmpL5feFwIhQn1pMCkDicXZ3/syRaWNiuG/UGMFHbxkGKnv8y884InrBwCgnBwXt4wrU9SrK1zumGCeoJZ80jz8rZKa0oMp7PsqD2xoxUjxfLUkUMo3YScnSDF+p4ix/L0cm1CDKS8EOlFjBTLniKHzWcuOUR/fZkv62t4hZzvwsS+n3OJOaiOpEgpm69YnxclB1LYL3nCifMiPsWrs5x2Vg87Sk4OMQfUqVPlXpbuzadwzZEccvY4FdWRwplWW0fvNOcmQc5l900PiXVRGT+weynSblNSrBpmN0r0ojUiof1COVqrI6XPlaKuFMKE2S0Qke0qUudvCAieEPiRCZMef/uv0FhoKCYpUmgQ85W7UsI2WDmItw9iUPgc6icCrDNfqbBexRcSCOA/VqAfezNqQp9MOJt09O17gZX2q5AtsRWD4mM+hXcfCm1Jsc7VrZyDymgDtDJ2pSwrpU9SaPtVAVLanlSwalhF1MFJ+00hq88xYliunnRFitWdIoe+ecLg+iSF0B2fignFtHYlWAI25pDFuJMmLkaMylVkUfNVqXA7IUVOWAZSTgtZsy4snPHM7GbTywayD8E0YhLxQ9eFaMCS8jEqV4iRkvMlsijU4Cblc6yavknhiIhApy5S/Vl5UCq6uL0NyhAcsNogl7pSqw1y3hI4y7slVAQG36mkzifQOD6lL1LKrT2nhxPlhO37vknBdL/utGtJrNAtAUd+xxITV/QKQQQu+xL5qOt9gYk/J3WmbCdJoWOeWeublIfULqTEVsolveN3CzeEf4RcQdk/CKwwHL+3P0P/mDXyzfmcFDE7TYr6NhPIuS4wsCvCeaGJQpQ9WzDlhOaYoFCw//w+4LKwSPtEr6w0IjsICgXCmBxz/+NVjBhI+UjYCfOlZipC+8y0RrF/pZb6hBPK4pkaTAzmm0kSE8zVYYFD3f3CbwL99oTVcFWAYMxmKPzNKb6m0HfM+TNTaGjMwiw95AwQJTL+1KSAFAgpl0fhHwuYvJh8rResTsLmUDaVgKWYmbSYXc1xcGHF99rzhjqMgkM5qwRWa0w8UsiLLl8T8BkpwTR75LHPOWAFY8TY+7FesfVPO4PDdOFTYhIjxfLnkMOK+FKYrQwruH09Zs+rSoxHCjq5YIpxrnWkWJEccvAl3gQoAoRVJQZnHcpPSoiZsFxSrM4ccrYsc3Cd9W0VicHpEwWFMheull42JcWK1pFjkafltyunBtFNlWUa4zXmnK9FBsspdzn6imRzkyHnFSEW/RJCh4L/W1/FFUO4GgqhcWwPMpvBYYEGz5ASmwwx07lnIuauhjlliIlHGP7I2+exw/dOjGPbj1i7D6wiMd6Zlad8I+qSbsrvMT+fCN4xzU2lnw7y23mZkisSI2xPzPZVahhRgnccn/q+Q2j7nsBpMYpE+SlhL5Sbn70MbYc8rIcJqQbH8s4zNR5Z5fGiPI5LciU3PxbL4+B2zJQRIo5VvNVRR0xfuvDMKm3NiCnbT+tArIC9v5evxQluaRBtf2xRqqLVLXsqT/5kxXiRwSNe7pGkeafGHCAugxzvBIKg4g7EeB1dNHYfMoexvYOnpL7H4bU5O/qHGG/Hy4aIKGSMwhfFW87AYgebTtZOktCxt0pnpwEQw2bJi8n5EMT7McqPzqD2Ks2bwU7WTpI2I7XMoj8UT/j4jZOJM5sXhTGS4xGDCvjUvMh4vW8s1BsKq/OxMFHPWK/ZptM6wSdPbxdKBW8IYwsGiMywFKEQJZ0MEyPPnm/2jmnC4pivF8LE7eeLlr6+fYMpw/Z6dpZDv8MCK8iIZGZ45k/J94ygWMYVCjOZfdyN8EXwTHmCJNsgck7mWZ5yMfTNRPd8yxWlFx/Pwo3khl4eFeoE8+etsLpyQ3vPpAt1YH3c0g1ImScUDZFsWr2AQsmFsIl9WfBOmpnk7wrF1iXsFM8bwhFhkrs/OfpCivBOC5roB1fwquCtFOo5I8z5PTNlvDTB9mLW9gkhcZZnVa5sPA8IEOP5lDo9YOaOC6eE2LHPlt59J8xJSvEcyxwTDgmpfHMVjvgBx44CiZyYuDFBV/hj/A8+zHyQbivCKvlMqJjLHIVDEKuHGJ8GebYgQLcrKaweiMIncNaIPtALYGPOtU6+VYbzQoUUCuYQQ75QMIFty4Z1De0ZC7HR4/gg4qxQRGC6r8hYlVsZaMMEnPVLAtcu5aYqOyfwMS0pEzFx9aAbHD/bh9jxfLz0/Bs2tBeFuchrPsv800TMvD68J3SEI4ck9iBeJKvkihDJESiAq4LrS5TuykSMq5ZoIk4e575XMGfPFaVbIMCVzSafFxqRofyF/AeKmggOi7OUtAAAAABJRU5ErkJggg==`,e._imageElement.setAttribute(`src`,e._uploadedImage)},t},t.prototype.generateErrorText=function(e){var t=document.createElement(`div`);t.setAttribute(`role`,`status`),t.className=`acd-error-text`,t.innerText=e,this._buttonContainer.appendChild(t)},t.prototype.onCardFailure=function(e){this.removeContent(e),this._inputTemplate.removeChild(this._buttonContainer);var t=this.renderUploadButton(`file`);this._inputTemplate.appendChild(t),this.generateErrorText(`Failed to generate card for selected Image`),t.focus()},t.prototype.createActionButton=function(){var e=this,t=document.createElement(`INPUT`);return t.className=`acd-card-button`,t.setAttribute(`type`,`BUTTON`),t.setAttribute(`button-name`,`Convert to Adaptive Card`),t.setAttribute(`value`,`Convert to Adaptive Card`),t.onclick=function(){t.setAttribute(`aria-label`,`Conversion to Adaptive card button pressed. Adaptive Card conversion in Progress`);var n=e.loadSpinner();e.setContent(n),n.focus(),e.fetchManager.getPredictedData(e._uploadedImage,e.isTemplateOptionChecked).then(function(t){!t||t.error?e.onCardFailure(n):(e._predictedCardJSON=t.card_json,e.close())})},t},t.prototype.loadSpinner=function(){var e=document.createElement(`div`);e.className=`acd-spinner-host`;var t=document.createElement(`div`);t.className=`acd-spinner acd-image-spinner`;var n=document.createElement(`div`);return n.setAttribute(`role`,`status`),n.className=`acd-conversion-text`,n.innerText=`Adaptive Card conversion in progress`,e.appendChild(t),e.appendChild(n),e},t.prototype.renderImage=function(e,t){this._imageElement.setAttribute(`src`,e),this._imageElement.setAttribute(`alt`,t),this._uploadedImage=e,this._inputTemplate.removeChild(this._buttonContainer),this._inputTemplate.appendChild(this.renderUploadButton(`action`))},t.prototype.renderUploadControl=function(){return this._inputTemplate=document.createElement(`div`),this._inputTemplate.className=`acd-upload-control`,this._inputTemplate.appendChild(this.renderUploadedImage()),this._inputTemplate.appendChild(this.renderUploadButton(`file`)),this._inputTemplate},t.prototype.renderUploadContainer=function(){var e=document.createElement(`div`);return e.className=`acd-image-file-container`,e.appendChild(this.renderUploadControl()),e},t.prototype.renderImageContainer=function(){var e=document.createElement(`div`);return e.className=`acd-image-upload-container`,e.appendChild(this.renderTitle()),e.appendChild(this.renderTitleContent()),e.appendChild(this.renderUploadContainer()),e},t.prototype.renderSampleTemplate=function(){var e=this,t=document.createElement(`div`);t.id=`acd-sample-images`,t.tabIndex=0,t.className=`acd-sample-image-container`,t.style.flexDirection=`column`;var n=document.createElement(`div`);n.className=`acd-spinner`,n.style.width=`28px`,n.style.height=`28px`;var r=document.createElement(`div`);return r.className=`acd-dialog-message`,r.innerText=`Loading Sample Images...`,r.style.marginTop=`10px`,t.appendChild(n),t.appendChild(r),this.fetchManager.getSampleImages().then(function(i){if(i){var a=document.createElement(`div`);a.innerText=`Choose from our Sample Images`,a.className=`acd-image-title sample-info-text`,t.style.flexDirection=`row`,t.removeChild(n),t.removeChild(r),t.appendChild(a);var o=document.createElement(`div`);o.className=`acd-sample-list`,o.setAttribute(`role`,`list`),i.templates.map(function(t,n){var r=new l(t,n+1);r.onClick=function(t,n){e.renderImage(t,n)},o.appendChild(r.render())}),t.appendChild(o),o.firstElementChild.focus()}else{var s=document.createElement(`div`);s.innerText=`Failed to reach pic2card service`,s.className=`acd-image-title error-info`,s.setAttribute(`role`,`status`),t.removeChild(r),t.removeChild(n),t.appendChild(s)}}),t},t.prototype.renderContent=function(){this._renderedElement=document.createElement(`div`),this._renderedElement.className=`acd-pic2card-container`;var e=document.createElement(`div`);e.className=`acd-poweredby-title`,e.innerHTML=`Powered By <a class='poweredby-link' href='https://www.bigthinkcode.com/' target='_blank'><span class='link'>BigThinkCode</span></a>`;var t=document.createElement(`div`);return t.className=`acd-sample-container`,t.appendChild(this.renderImageContainer()),t.appendChild(this.renderSampleTemplate()),this.setContent(e),this.setContent(t),this._renderedElement},Object.defineProperty(t.prototype,"predictedCardJSON",{get:function(){return this._predictedCardJSON},enumerable:!1,configurable:!0}),t}(o.Dialog);var l=function(){function e(e,t){this.template=e,this.itemIndex=t}return e.prototype.render=function(){var e=this,t=`Sample Image `+this.itemIndex,n=document.createElement(`img`);return n.className=`acd-sample-image`,n.tabIndex=0,n.setAttribute(`role`,`listitem`),n.setAttribute(`alt`,t),n.setAttribute(`src`,`data:image/png;base64,`+this.template),n.onclick=function(r){e.onClick(r.target.src,t),n.setAttribute(`alt`,t+` selected`)},n.onfocus=function(){n.setAttribute(`alt`,t)},n.onkeydown=function(r){r.code===`Enter`&&(e.onClick(r.target.src,t),n.setAttribute(`alt`,t+` selected`))},n},e}();e.ImageItem=l})),Ii=e((e=>{Object.defineProperty(e,"__esModule",{value:!0}),e.FullScreenHandler=void 0,e.FullScreenHandler=function(){function e(){var e=this,t=document.body;t.onfullscreenchange===void 0?t.onwebkitfullscreenchange===void 0?t.onwebkitfullscreenchange===void 0?t.onwebkitfullscreenchange!==void 0&&(t.MSFullscreenChange=function(){return e.fullScrerenChanged()}):t.onmozfullscreenchange=function(){return e.fullScrerenChanged()}:t.onwebkitfullscreenchange=function(){return e.fullScrerenChanged()}:t.onfullscreenchange=function(){return e.fullScrerenChanged()}}return e.prototype.fullScrerenChanged=function(){this.onFullScreenChanged&&this.onFullScreenChanged(this.isFullScreen)},e.prototype.enterFullScreen=function(){if(!this.isFullScreen){var e=document.body;e.requestFullscreen?e.requestFullscreen():e.webkitRequestFullscreen?e.webkitRequestFullscreen():e.mozRequestFullScreen?e.mozRequestFullScreen():e.msRequestFullscreen?e.msRequestFullscreen():alert(`Your browser doesn't support fullscreen.`)}},e.prototype.exitFullScreen=function(){if(this.isFullScreen){var e=document;e.exitFullscreen?e.exitFullscreen():e.webkitExitFullscreen?e.webkitExitFullscreen():e.mozCancelFullScreen?e.mozCancelFullScreen():e.msExitFullscreen&&e.msExitFullscreen()}},e.prototype.toggleFullScreen=function(){this.isFullScreen?this.exitFullScreen():this.enterFullScreen()},Object.defineProperty(e.prototype,"isFullScreen",{get:function(){var e=document;return e.fullscreen||e.webkitIsFullScreen||e.mozFullScreen},enumerable:!1,configurable:!0}),e}()})),Li=e(((e,t,n)=>{var r=n&&n.__extends||(function(){var e=function(t,n){return e=Object.setPrototypeOf||{__proto__:[]}instanceof Array&&function(e,t){e.__proto__=t}||function(e,t){for(var n in t)Object.prototype.hasOwnProperty.call(t,n)&&(e[n]=t[n])},e(t,n)};return function(t,n){if(typeof n!=`function`&&n!==null)throw TypeError(`Class extends value `+String(n)+` is not a constructor or null`);e(t,n);function r(){this.constructor=t}t.prototype=n===null?Object.create(n):(r.prototype=n.prototype,new r)}})();Object.defineProperty(e,"__esModule",{value:!0}),e.Toolbar=e.ToolbarChoicePicker=e.ToolbarButton=e.ToolbarElement=e.ToolbarElementAlignment=void 0;var i=Q(),a=p(),o;(function(e){e[e.Left=0]=`Left`,e[e.Right=1]=`Right`})(o=e.ToolbarElementAlignment||={});var s=function(){function e(e){if(this._renderedElement=void 0,this.isVisible=!0,this.separator=!1,this.label=null,this.alignment=o.Left,!e||e===``)throw Error(`Toolbar elements must have an Id.`);this.id=e}return e.prototype.internalUpdateLayout=function(){},e.prototype.updateLayout=function(){this._renderedElement&&this.internalUpdateLayout()},e.prototype.render=function(){return this._renderedElement=this.internalRender(),this.updateLayout(),this._renderedElement},Object.defineProperty(e.prototype,"renderedElement",{get:function(){return this._renderedElement},enumerable:!1,configurable:!0}),e}();e.ToolbarElement=s,e.ToolbarButton=function(e){r(t,e);function t(t,n,r,i,a){i===void 0&&(i=null),a===void 0&&(a=!1);var o=e.call(this,t)||this;return o._displayCaption=!0,o._iconClass=void 0,o._toolTip=void 0,o._isEnabled=!0,o._allowToggle=!1,o._isToggled=!1,o._isLink=!1,o.caption=n,o.iconClass=r,o.onClick=i,o._isLink=a,o}return t.prototype.clicked=function(){this.isEnabled&&this.onClick&&this.onClick(this)},t.prototype.internalUpdateLayout=function(){this.renderedElement.className=`acd-toolbar-button`,this.isEnabled?(this.renderedElement.classList.remove(`acd-toolbar-button-disabled`),this.renderedElement.removeAttribute(`aria-disabled`),this.renderedElement.tabIndex=0):(this.renderedElement.classList.add(`acd-toolbar-button-disabled`),this.renderedElement.setAttribute(`aria-disabled`,`true`),this.renderedElement.tabIndex=-1),this.isToggled?this.renderedElement.classList.add(`acd-toolbar-button-toggled`):this.renderedElement.classList.remove(`acd-toolbar-button-toggled`),this.allowToggle&&this.renderedElement.setAttribute(`aria-pressed`,this.isToggled.toString()),this.iconClass&&this.renderedElement.classList.add(this.iconClass),this.displayCaption?this.renderedElement.innerText=this.caption:(this.renderedElement.classList.add(`acd-toolbar-button-iconOnly`),this.renderedElement.innerText=``,this.renderedElement.ariaLabel=this.caption),this.renderedElement.title=this.toolTip?this.toolTip:``,this._isLink&&this.renderedElement.setAttribute(`role`,`link`)},t.prototype.internalRender=function(){var e=this,t=document.createElement(`button`);return t.type=`button`,t.onclick=function(t){e.allowToggle&&(e.isToggled=!e.isToggled),e.clicked()},t},Object.defineProperty(t.prototype,"allowToggle",{get:function(){return this._allowToggle},set:function(e){this._allowToggle=e,this._allowToggle||(this.isToggled=!1)},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"isToggled",{get:function(){return this._isToggled},set:function(e){this._isToggled=e,this.updateLayout()},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"caption",{get:function(){return this._caption},set:function(e){this._caption=e,this.updateLayout()},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"displayCaption",{get:function(){return this._displayCaption},set:function(e){this._displayCaption=e,this.updateLayout()},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"iconClass",{get:function(){return this._iconClass},set:function(e){this._iconClass=e,this.updateLayout()},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"toolTip",{get:function(){return this._toolTip},set:function(e){this._toolTip=e,this.updateLayout()},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"isEnabled",{get:function(){return this._isEnabled},set:function(e){this._isEnabled=e,this.updateLayout()},enumerable:!1,configurable:!0}),t}(s),e.ToolbarChoicePicker=function(e){r(t,e);function t(){var t=e!==null&&e.apply(this,arguments)||this;return t._isEnabled=!0,t._isHidden=!1,t.label=null,t.choices=[],t.width=null,t}return t.prototype.internalRender=function(){var e=this;this._dropDown=new i.DropDown;for(var t=0,n=this.choices;t<n.length;t++){var r=n[t],o=new i.DropDownItem(r.value,r.name);this._dropDown.items.add(o)}this._dropDown.selectedIndex=0,this._dropDown.onValueChanged=function(t){e.onChanged&&e.onChanged(e)};var s=document.createElement(`div`);this.width&&this.width>0&&(s.style.width=this.width+`px`),this.label&&!this._labelledById&&(this._labelledById=(0,a.v4)(),this._dropDown.parentLabelId=this._labelledById),this._dropDown.attach(s);var c=document.createElement(`div`);if(c.className=`acd-toolbar-choicePicker`,this.label){var l=document.createElement(`div`);l.className=`acd-toolbar-label`,l.innerText=this.label,l.id=this._labelledById,c.appendChild(l)}return c.appendChild(s),c},t.prototype.internalUpdateLayout=function(){this.isEnabled?(this.renderedElement.classList.remove(`acd-toolbar-picker-disabled`),this.renderedElement.removeAttribute(`aria-disabled`),this._dropDown.isEnabled=!0):(this.renderedElement.classList.add(`acd-toolbar-picker-disabled`),this.renderedElement.setAttribute(`aria-disabled`,`true`),this._dropDown.isEnabled=!1),this.isHidden?(this.renderedElement.classList.add(`acd-toolbar-picker-hidden`),this.renderedElement.setAttribute(`aria-disabled`,`true`)):(this.renderedElement.classList.remove(`acd-toolbar-picker-hidden`),this.renderedElement.removeAttribute(`aria-disabled`))},Object.defineProperty(t.prototype,"value",{get:function(){return this._dropDown.value.key},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"selectedIndex",{get:function(){return this._dropDown.selectedIndex},set:function(e){this._dropDown.selectedIndex=e},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"isEnabled",{get:function(){return this._isEnabled},set:function(e){this._isEnabled=e,this.updateLayout()},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"isHidden",{get:function(){return this._isHidden},set:function(e){this._isHidden=e,this.updateLayout()},enumerable:!1,configurable:!0}),t}(s),e.Toolbar=function(){function e(){this._elements=[]}return e.prototype.createSeparatorElement=function(){var e=document.createElement(`div`);return e.className=`acd-toolbar-separator`,e},e.prototype.renderElementsInto=function(e,t,n){for(var r=0;r<t.length;r++)t[r].separator&&n==o.Left&&r>0&&e.appendChild(this.createSeparatorElement()),e.appendChild(t[r].render()),t[r].separator&&n==o.Right&&r<t.length-1&&e.appendChild(this.createSeparatorElement())},e.prototype.attachTo=function(e){this._attachedTo=e,this._attachedTo.className=`acd-toolbar`,this._attachedTo.innerHTML=``;for(var t=[],n=[],r=0,i=this._elements;r<i.length;r++){var a=i[r];a.isVisible&&(a.alignment==o.Left?t.push(a):n.push(a))}var s=document.createElement(`div`);s.className=`acd-toolbar-content`;var c=document.createElement(`div`);c.className=`acd-toolbar-content`,this.renderElementsInto(s,t,o.Left),this.renderElementsInto(c,n,o.Right),this._attachedTo.appendChild(s),this._attachedTo.appendChild(c),this._alertPanel=document.createElement(`div`),this._alertPanel.className=`screen-reader-only`,this._attachedTo.appendChild(this._alertPanel)},e.prototype.addElement=function(e){this._elements.push(e)},e.prototype.getElementById=function(e){for(var t=0,n=this._elements;t<n.length;t++){var r=n[t];if(r.id==e)return r}return null},e.prototype.insertElementAfter=function(e,t){for(var n=0;n<this._elements.length;n++)if(this._elements[n].id==t){this._elements.splice(n+1,0,e);return}this._elements.push(e)},e.prototype.insertElementBefore=function(e,t){for(var n=this._elements.length-1;n>=0;n--)if(this._elements[n].id==t){this._elements.splice(n,0,e);return}this._elements.splice(0,0,e)},e.prototype.addAlert=function(e){var t=document.createElement(`div`);t.innerHTML=e,t.setAttribute(`aria-live`,`polite`),this._alertPanel.appendChild(t)},e}()})),Ri=e(((e,t,n)=>{var r=n&&n.__extends||(function(){var e=function(t,n){return e=Object.setPrototypeOf||{__proto__:[]}instanceof Array&&function(e,t){e.__proto__=t}||function(e,t){for(var n in t)Object.prototype.hasOwnProperty.call(t,n)&&(e[n]=t[n])},e(t,n)};return function(t,n){if(typeof n!=`function`&&n!==null)throw TypeError(`Class extends value `+String(n)+` is not a constructor or null`);e(t,n);function r(){this.constructor=t}t.prototype=n===null?Object.create(n):(r.prototype=n.prototype,new r)}})();Object.defineProperty(e,"__esModule",{value:!0}),e.SnippetPaletteItem=e.CustomPaletteItem=e.DataPaletteItem=e.ElementPaletteItem=e.BasePaletteItem=void 0;var i=(f(),s(m)),a=gi(),o=Di(),c=function(e){r(t,e);function t(){return e!==null&&e.apply(this,arguments)||this}return t.prototype.internalRender=function(){var e=document.createElement(`div`);e.className=`acd-palette-item`,e.style.display=`flex`,e.setAttribute(`role`,`button`),e.tabIndex=0;var t=document.createElement(`div`);t.classList.add(`acd-icon`,`acd-toolPalette-icon`,this.getIconClass()),t.style.flex=`0 0 auto`;var n=document.createElement(`div`);return n.className=`acd-palette-item-label`,n.style.flex=`1 1 100%`,n.innerText=this.getText(),e.appendChild(t),e.appendChild(n),e},t.prototype.renderDragVisual=function(){return this.internalRender()},t}(a.DraggableElement);e.BasePaletteItem=c,e.ElementPaletteItem=function(e){r(t,e);function t(t,n){var r=e.call(this)||this;return r.typeRegistration=t,r.peerRegistration=n,r}return t.prototype.getText=function(){return this.typeRegistration.typeName},t.prototype.getIconClass=function(){return this.peerRegistration.iconClass},t.prototype.createPeer=function(e,t){return o.CardDesignerSurface.cardElementPeerRegistry.createPeerInstance(t,null,new this.typeRegistration.objectType,!0)},t}(c),e.DataPaletteItem=function(e){r(t,e);function t(t){var n=e.call(this)||this;return n.field=t,n}return t.prototype.getText=function(){return this.field.name},t.prototype.getIconClass=function(){return null},t.prototype.createPeer=function(e,t){var n;if(this.field.isCollection)n=new i.Container,n.setCustomProperty(`$data`,`{`+this.field.getPath()+`}`);else{var r=new i.TextBlock;r.text=`{`+this.field.getPath()+`}`,n=r}return o.CardDesignerSurface.cardElementPeerRegistry.createPeerInstance(t,null,n,!0)},t}(c);var l=function(e){r(t,e);function t(t){var n=e.call(this)||this;return n.category=t,n}return t.prototype.getIconClass=function(){return`acd-icon-customPaletteItem`},t}(c);e.CustomPaletteItem=l,e.SnippetPaletteItem=function(e){r(t,e);function t(t,n){var r=e.call(this,t)||this;return r.name=n,r}return t.prototype.getText=function(){return this.name},t.prototype.createPeer=function(e,t){if(this.snippet){var n=this.snippet.type;if(n){var r=e.hostContainer.elementsRegistry.createInstance(n,e.targetVersion);if(r)return r.parse(this.snippet),o.CardDesignerSurface.cardElementPeerRegistry.createPeerInstance(t,null,r,!0)}}},t}(l)})),zi=e((e=>{Object.defineProperty(e,"__esModule",{value:!0}),e.Splitter=void 0,e.Splitter=function(){function e(e,t,n,r,i){var a=this;n===void 0&&(n=!1),r===void 0&&(r=!1),i===void 0&&(i=140),this._isVertical=!1,this._isAttachedAfter=!1,this.minimum=50,this.attachedTo=e,this._sizedELement=t,this._isVertical=n,this._isAttachedAfter=r,this.minimum=i,this.attachedTo.onmousedown=function(e){e.preventDefault()},this.attachedTo.onpointerdown=function(e){a.pointerDown(e)},this.attachedTo.onpointermove=function(e){a.pointerMove(e)},this.attachedTo.onpointerup=function(e){a.pointerUp(e)}}return e.prototype.resizeEnded=function(){this.onResizeEnded&&this.onResizeEnded(this)},e.prototype.pointerDown=function(e){e.preventDefault(),this.attachedTo.setPointerCapture(e.pointerId),this._lastClickedOffset={x:e.x,y:e.y},this._isPointerDown=!0},e.prototype.pointerMove=function(e){if(this._isPointerDown){e.preventDefault();var t=!1,n=void 0;this._isVertical?(n=this._isAttachedAfter?this._sizedELement.getBoundingClientRect().width-(this._lastClickedOffset.x-e.x):this._sizedELement.getBoundingClientRect().width-(e.x-this._lastClickedOffset.x),n>=this.minimum&&(this._sizedELement.style.width=n+`px`,t=!0)):(n=this._isAttachedAfter?this._sizedELement.getBoundingClientRect().height-(this._lastClickedOffset.y-e.y):this._sizedELement.getBoundingClientRect().height-(e.y-this._lastClickedOffset.y),n>=this.minimum&&(this._sizedELement.style.height=n+`px`,t=!0)),t&&(this.onResized&&this.onResized(this),this._lastClickedOffset={x:e.x,y:e.y})}},e.prototype.pointerUp=function(e){e.preventDefault(),this.attachedTo.releasePointerCapture(e.pointerId),this.resizeEnded(),this._isPointerDown=!1},e}()})),Bi=e((e=>{Object.defineProperty(e,"__esModule",{value:!0}),e.SettingsManager=void 0,e.SettingsManager=function(){function e(){}return e.determineIfStorageIsAvailable=function(e){try{var t=window[e],n=`__storage_test__`;return t.setItem(n,n),t.removeItem(n),!0}catch(e){return e instanceof DOMException&&(e.code===22||e.code===1014||e.name===`QuotaExceededError`||e.name===`NS_ERROR_DOM_QUOTA_REACHED`)&&t.length!==0}},e.trySaveSetting=function(t,n){e.isLocalStorageAvailable&&localStorage.setItem(t,n)},e.tryLoadStringSetting=function(t){return e.isLocalStorageAvailable?{succeeded:!0,value:localStorage.getItem(t)}:{succeeded:!1}},e.tryLoadNumberSetting=function(t){if(e.isLocalStorageAvailable){var n=localStorage.getItem(t);return{succeeded:!0,value:n?parseFloat(n):void 0}}return{succeeded:!1}},e.tryLoadBooleanSetting=function(t,n){if(e.isLocalStorageAvailable){var r=localStorage.getItem(t);return{succeeded:!0,value:r?r==`true`:n}}return{succeeded:!1}},Object.defineProperty(e,"isLocalStorageAvailable",{get:function(){return e._isLocalStorageAvailable||=e.determineIfStorageIsAvailable(`localStorage`),e._isLocalStorageAvailable},enumerable:!1,configurable:!0}),e._isLocalStorageAvailable=void 0,e}()})),Vi=e((e=>{Object.defineProperty(e,"__esModule",{value:!0}),e.Toolbox=e.ToolboxOrientation=void 0;var t=Bi(),n=Q(),r;(function(e){e[e.Horizontal=0]=`Horizontal`,e[e.Vertical=1]=`Vertical`})(r=e.ToolboxOrientation||={}),e.Toolbox=function(){function e(e,t){this._isExpanded=!0,this._stretch=!1,this._isRestoring=!1,this._isVisible=!0,this.commands=null,this.id=e,this.title=t}return e.prototype.getDimensionSettingName=function(){return`Toolbox`+this.id+(this._orientation==r.Vertical?`Height`:`Width`)},e.prototype.updateContent=function(){this._contentHost&&(this._contentHost.innerHTML=``,this._content&&this._contentHost.appendChild(this._content))},e.prototype.toggled=function(e){e===void 0&&(e=!0),this.onToggled&&this.onToggled(this,e)},e.prototype.updateVisibility=function(){this._collapsedTabContainer&&(this._isVisible?(this._collapsedTabContainer.appendChild(this._headerRootElement),this.restoreState()):this.hideToolbox(),this._expandCollapseButtonElement.setAttribute(`aria-expanded`,this._isExpanded.toString()))},e.prototype.hideToolbox=function(){this.isExpanded&&this.collapse(!1),this._collapsedTabContainer.removeChild(this._headerRootElement)},e.prototype.render=function(e,t){var r=this;this._orientation=e,this._collapsedTabContainer=t,this._renderedElement=document.createElement(`div`),this._renderedElement.classList.add(`acd-toolbox`),this.stretch=this.stretch,this._headerRootElement=document.createElement(`div`),this._headerRootElement.innerHTML=``,this._headerRootElement.className=`acd-toolbox-header`;var i=document.createElement(`div`);i.className=`acd-toolbox-header-content`;var a=document.createElement(`span`);a.className=`acd-toolbox-header-title`,a.innerText=this.title,i.appendChild(a);var o=document.createElement(`span`);if(o.className=`acd-toolbox-header-commandsHost`,this._customCommandsHost=document.createElement(`div`),this._customCommandsHost.style.display=`flex`,this.commands)for(var s=function(e){var t=document.createElement(`div`);t.className=`acd-toolbox-header-commandButton`,t.title=e.title,t.onclick=function(t){e.execute(e)};var n=document.createElement(`div`);n.classList.add(`acd-icon`,e.iconClass),t.appendChild(n),c._customCommandsHost.appendChild(t)},c=this,l=0,u=this.commands;l<u.length;l++)s(u[l]);o.appendChild(this._customCommandsHost),this._expandCollapseButtonElement=document.createElement(`span`),this._expandCollapseButtonElement.className=`acd-toolbox-header-commandButton`,this._expandCollapseButtonElement.title=`Hide `+this.title,this._expandCollapseButtonElement.tabIndex=0,this._expandCollapseButtonElement.setAttribute(`role`,`button`),this._expandCollapseButtonElement.setAttribute(`aria-expanded`,`true`),this._expandCollapseButtonElement.ariaLabel=this.title,this._headerIconElement=document.createElement(`span`),this._headerIconElement.classList.add(`acd-icon`,`acd-icon-header-expanded`),this._expandCollapseButtonElement.appendChild(this._headerIconElement),this._expandCollapseButtonElement.onkeydown=function(e){(e.key===n.Constants.keys.enter||e.key===n.Constants.keys.space)&&(r.toggle(),e.preventDefault(),r._expandCollapseButtonElement.focus(),setTimeout(function(){r._expandCollapseButtonElement.setAttribute(`aria-expanded`,r._isExpanded.toString())},1)),e.key===n.Constants.keys.escape&&(r.collapse(),e.preventDefault(),r._expandCollapseButtonElement.focus(),setTimeout(function(){r._expandCollapseButtonElement.setAttribute(`aria-expanded`,r._isExpanded.toString())},1))},this._expandCollapseButtonElement.onclick=function(e){return r.toggle(),r._expandCollapseButtonElement.setAttribute(`aria-expanded`,r._isExpanded.toString()),e.preventDefault(),!0},o.appendChild(this._expandCollapseButtonElement),i.appendChild(o),this._headerRootElement.appendChild(i),this._contentHost=document.createElement(`div`),this._contentHost.style.overflow=`auto`,this._renderedElement.appendChild(this._headerRootElement),this._renderedElement.appendChild(this._contentHost),this._isVisible||this.hideToolbox(),this.updateContent()},e.prototype.collapse=function(e){e===void 0&&(e=!0),this._isExpanded&&(this._headerIconElement.classList.add(`acd-icon-header-collapsed`),this._headerIconElement.classList.remove(`acd-icon-header-expanded`),this._customCommandsHost.classList.add(`acd-hidden`),this._collapsedTabContainer&&(this._renderedElement.removeChild(this._headerRootElement),this._collapsedTabContainer.appendChild(this._headerRootElement)),this._expandCollapseButtonElement.title=`Show `+this.title,this._isExpanded=!1,this.toggled(e))},e.prototype.expand=function(){this._isExpanded||(this._headerIconElement.classList.add(`acd-icon-header-expanded`),this._headerIconElement.classList.remove(`acd-icon-header-collapsed`),this._customCommandsHost.classList.remove(`acd-hidden`),this._collapsedTabContainer&&(this._collapsedTabContainer.removeChild(this._headerRootElement),this._renderedElement.insertBefore(this._headerRootElement,this._renderedElement.firstChild)),this._expandCollapseButtonElement.title=`Hide `+this.title,this._isExpanded=!0,this.toggled())},e.prototype.toggle=function(){this.isExpanded?this.collapse():this.expand()},e.prototype.getHeaderBoundingRect=function(){return this._headerRootElement.getBoundingClientRect()},e.prototype.saveState=function(){this._isRestoring||(t.SettingsManager.trySaveSetting(`Toolbox`+this.id+`IsExpanded`,this.isExpanded.toString()),t.SettingsManager.trySaveSetting(this.getDimensionSettingName(),this.orientation==r.Vertical?this.renderedElement.style.height:this.renderedElement.style.width))},e.prototype.restoreState=function(){if(this.renderedElement&&!this._isRestoring&&this.isVisible){this._isRestoring=!0;try{var e=t.SettingsManager.tryLoadStringSetting(this.getDimensionSettingName());e.succeeded&&e.value!=null&&e.value!=``&&(this.orientation==r.Vertical?this.renderedElement.style.height=e.value:this.renderedElement.style.width=e.value);var n=t.SettingsManager.tryLoadBooleanSetting(`Toolbox`+this.id+`IsExpanded`,!0);n.succeeded&&this.isVisible&&(n.value?this.expand():this.collapse(),this._expandCollapseButtonElement.setAttribute(`aria-expanded`,this._isExpanded.toString()))}finally{this._isRestoring=!1}}},Object.defineProperty(e.prototype,"orientation",{get:function(){return this._orientation},enumerable:!1,configurable:!0}),Object.defineProperty(e.prototype,"renderedElement",{get:function(){return this._renderedElement},enumerable:!1,configurable:!0}),Object.defineProperty(e.prototype,"content",{get:function(){return this._content},set:function(e){this._content=e,this.updateContent()},enumerable:!1,configurable:!0}),Object.defineProperty(e.prototype,"isExpanded",{get:function(){return this._isExpanded},enumerable:!1,configurable:!0}),Object.defineProperty(e.prototype,"stretch",{get:function(){return this._stretch},set:function(e){this._stretch=e,this._stretch?(this.renderedElement.classList.add(`acd-toolbox-stretch`),this.renderedElement.classList.remove(`acd-toolbox-no-stretch`)):(this.renderedElement.classList.add(`acd-toolbox-no-stretch`),this.renderedElement.classList.remove(`acd-toolbox-stretch`))},enumerable:!1,configurable:!0}),Object.defineProperty(e.prototype,"isVisible",{get:function(){return this._isVisible},set:function(e){this._isVisible!=e&&(this._isVisible=e,this.updateVisibility())},enumerable:!1,configurable:!0}),e}()})),Hi=e((e=>{Object.defineProperty(e,"__esModule",{value:!0}),e.SidePanel=e.SidePanelAlignment=void 0;var t=zi(),n=Vi(),r=Bi(),i;(function(e){e[e.Top=0]=`Top`,e[e.Right=1]=`Right`,e[e.Bottom=2]=`Bottom`,e[e.Left=3]=`Left`})(i=e.SidePanelAlignment||={});var a=function(){function e(e){var t=this;this.toolbox=e,e.onToggled=function(e,n){n===void 0&&(n=!0),e.isExpanded?(t.showSplitter(),t.toolbox.renderedElement.classList.remove(`acd-hidden`)):(t.hideSplitter(),t.toolbox.renderedElement.classList.add(`acd-hidden`)),t.onToggled&&t.onToggled(t,n)}}return e.prototype.resizeEnded=function(){this.onResizeEnded&&this.onResizeEnded(this)},e.prototype.resized=function(){this.onResized&&this.onResized(this)},e.prototype.showSplitter=function(){this.splitter&&this.splitter.attachedTo.classList.remove(`acd-hidden`)},e.prototype.hideSplitter=function(){this.splitter&&this.splitter.attachedTo.classList.add(`acd-hidden`)},Object.defineProperty(e.prototype,"splitter",{get:function(){return this._splitter},set:function(e){var t=this;this._splitter=e,this._splitter.onResizeEnded=function(e){t.resizeEnded()},this._splitter.onResized=function(e){t.resized()}},enumerable:!1,configurable:!0}),e}();e.SidePanel=function(){function e(e,t,n){this._toolboxes=[],this._isRestoring=!1,this.isResizable=!0,this.id=e,this._alignment=t,this._collapsedTabContainer=n}return e.prototype.updateLayout=function(){for(var e=0,t=0,n=this._toolboxes;t<n.length;t++){var r=n[t];r.toolbox.isExpanded&&(e++,e==1?(r.hideSplitter(),r.toolbox.stretch=!0):(r.showSplitter(),r.toolbox.stretch=!1))}e>0?this._attachedTo.classList.remove(`acd-hidden`):this._attachedTo.classList.add(`acd-hidden`)},e.prototype.computeToolboxSize=function(e){var t=this._attachedTo.getBoundingClientRect(),n=e.renderedElement.getBoundingClientRect();this.isVertical?e.renderedElement.style.height=100/t.height*n.height+`%`:e.renderedElement.style.width=100/t.width*n.width+`%`},e.prototype.resized=function(){this.onResized&&this.onResized(this),this.saveState()},e.prototype.toolboxResized=function(e){this.onToolboxResized&&this.onToolboxResized(this,e),this.saveState()},e.prototype.toolboxExpandedOrCollapsed=function(e,t){t===void 0&&(t=!0),this.onToolboxExpandedOrCollapsed&&this.onToolboxExpandedOrCollapsed(this,e),t&&this.saveState()},e.prototype.getDimensionSettingName=function(){return this.id+(this.isVertical?`Height`:`Width`)},Object.defineProperty(e.prototype,"isVertical",{get:function(){return this._alignment==i.Right||this._alignment==i.Left},enumerable:!1,configurable:!0}),e.prototype.addToolbox=function(e){var t=this,n=new a(e);n.onToggled=function(e,r){r===void 0&&(r=!0),t.updateLayout(),t.toolboxExpandedOrCollapsed(n.toolbox,r)},n.onResizeEnded=function(e){t.computeToolboxSize(e.toolbox),t.toolboxResized(e.toolbox)},n.onResized=function(e){t.toolboxResized(e.toolbox)},this._toolboxes.push(n)},e.prototype.attachTo=function(e){var r=this;this._attachedTo=e,this._attachedTo.classList.add(`acd-sidepanel-parent`),this._contentHost=document.createElement(`div`),this._contentHost.className=`acd-sidepanel-host`,this.isVertical?this._contentHost.classList.add(`acd-sidepanel-host-vertical`):this._contentHost.classList.add(`acd-sidepanel-host-horizontal`);for(var a=0;a<this._toolboxes.length;a++){var o=this._toolboxes[a];if(o.toolbox.render(this.isVertical?n.ToolboxOrientation.Vertical:n.ToolboxOrientation.Horizontal,this._collapsedTabContainer),a>0){var s=document.createElement(`div`);this.isVertical?(s.className=`acd-horizontal-splitter`,o.toolbox.renderedElement.style.height=100/this._toolboxes.length+`%`):(s.className=`acd-vertical-splitter`,o.toolbox.renderedElement.style.width=100/this._toolboxes.length+`%`),o.toolbox.renderedElement.appendChild(s),o.splitter=new t.Splitter(s,o.toolbox.renderedElement,!this.isVertical)}this._contentHost.appendChild(o.toolbox.renderedElement)}var c=null;if(this.isResizable){c=document.createElement(`div`),c.className=this.isVertical?`acd-vertical-splitter`:`acd-horizontal-splitter`;var l=new t.Splitter(c,this._attachedTo,this.isVertical,this._alignment==i.Left||this._alignment==i.Top);l.onResized=function(e){r.resized()}}this._attachedTo.innerHTML=``,this.isVertical?(this.size&&(this._attachedTo.style.width=this.size+`px`),this._attachedTo.classList.add(`acd-sidepanel-parent-vertical`)):(this.size&&(this._attachedTo.style.height=this.size+`px`),this._attachedTo.classList.add(`acd-sidepanel-parent-horizontal`)),this._alignment==i.Right||this._alignment==i.Bottom?(c&&this._attachedTo.appendChild(c),this._attachedTo.appendChild(this._contentHost)):(this._attachedTo.appendChild(this._contentHost),c&&this._attachedTo.appendChild(c)),this.restoreState(),this.updateLayout()},e.prototype.saveState=function(){if(!this._isRestoring){r.SettingsManager.trySaveSetting(this.getDimensionSettingName(),this.isVertical?this._attachedTo.style.width:this._attachedTo.style.height);for(var e=0,t=this._toolboxes;e<t.length;e++)t[e].toolbox.saveState()}},e.prototype.restoreState=function(){if(this._attachedTo&&!this._isRestoring){this._isRestoring=!0;try{var e=r.SettingsManager.tryLoadStringSetting(this.getDimensionSettingName());e.succeeded&&e.value!=null&&e.value!=``&&(this.isVertical?this._attachedTo.style.width=e.value:this._attachedTo.style.height=e.value);for(var t=0,n=this._toolboxes;t<n.length;t++)n[t].toolbox.restoreState();this.updateLayout(),this.resized()}finally{this._isRestoring=!1}}},Object.defineProperty(e.prototype,"contentHost",{get:function(){return this._contentHost},enumerable:!1,configurable:!0}),e}()})),Ui=e(((e,t,n)=>{var r=n&&n.__extends||(function(){var e=function(t,n){return e=Object.setPrototypeOf||{__proto__:[]}instanceof Array&&function(e,t){e.__proto__=t}||function(e,t){for(var n in t)Object.prototype.hasOwnProperty.call(t,n)&&(e[n]=t[n])},e(t,n)};return function(t,n){if(typeof n!=`function`&&n!==null)throw TypeError(`Class extends value `+String(n)+` is not a constructor or null`);e(t,n);function r(){this.constructor=t}t.prototype=n===null?Object.create(n):(r.prototype=n.prototype,new r)}})();Object.defineProperty(e,"__esModule",{value:!0}),e.FieldDefinition=e.ObjectData=e.ArrayData=e.ValueTypeData=e.DataType=void 0;function i(e){var t=/[a-zA-Z0-9_$]*/.exec(e);return!(t&&t[0]===e)}var a=function(){function e(e){this.owner=e}return e.parse=function(e,t){switch(t.valueType){case`String`:return new o(e,`Sample data`,t.sampleValue);case`Number`:return new o(e,123,t.sampleValue);case`Boolean`:return new o(e,!0,t.sampleValue);case`Array`:return s.parse(e,t);case`Object`:return c.parse(e,t)}},e.deriveFrom=function(e,t){if(typeof t==`string`)return new o(e,`Sample data`,t);if(typeof t==`boolean`)return new o(e,!0,t);if(typeof t==`number`)return new o(e,123,t);if(typeof t==`object`)return Array.isArray(t)?s.deriveFrom(e,t):c.deriveFrom(e,t);throw Error(`Unsupported data type: `+typeof t)},e.prototype.getChildFields=function(){return null},e.prototype.qualifyFieldName=function(e,t){return e},Object.defineProperty(e.prototype,"isCollection",{get:function(){return!1},enumerable:!1,configurable:!0}),e}();e.DataType=a;var o=function(e){r(t,e);function t(t,n,r){var i=e.call(this,t)||this;return i.owner=t,i.defaultSampleValue=n,i._sampleValue=r,i}return t.prototype.generateSampleData=function(){return this.sampleValue?this.sampleValue:this.defaultSampleValue},Object.defineProperty(t.prototype,"sampleValue",{get:function(){return this._sampleValue},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"valueType",{get:function(){switch(typeof this.defaultSampleValue){case`string`:return`String`;case`number`:return`Number`;case`boolean`:return`Boolean`}},enumerable:!1,configurable:!0}),t}(a);e.ValueTypeData=o;var s=function(e){r(t,e);function t(t){var n=e.call(this,t)||this;return n.owner=t,n.dataType=void 0,n}return t.parse=function(e,n){var r=new t(e);return r.dataType=a.parse(e,n.itemType),r},t.deriveFrom=function(e,n){if(!Array.isArray(n))throw Error(`Input is not an array.`);var r=new t(e);return n.length>0&&(r.dataType=a.deriveFrom(e,n[0])),r},t.prototype.generateSampleData=function(){var e=[];if(this.dataType)for(var t=1;t<=3;t++)e.push(this.dataType.generateSampleData());return e},t.prototype.getChildFields=function(){return this.dataType?this.dataType.getChildFields():[]},t.prototype.qualifyFieldName=function(t,n){return n?e.prototype.qualifyFieldName.call(this,t,n):t+`[0]`},Object.defineProperty(t.prototype,"isCollection",{get:function(){return!0},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"valueType",{get:function(){return`Array`},enumerable:!1,configurable:!0}),t}(a);e.ArrayData=s;var c=function(e){r(t,e);function t(t){var n=e.call(this,t)||this;return n.owner=t,n.fields=[],n}return t.parse=function(e,n){for(var r=new t(e),i=0,o=n.fields;i<o.length;i++){var s=o[i],c=new l(e);c.name=s.name,c.displayName=s.displayName,c.dataType=a.parse(c,s),r.fields.push(c)}return r},t.deriveFrom=function(e,n){var r=new t(e);if(n!==null)for(var i=0,o=Object.keys(n);i<o.length;i++){var s=o[i],c=new l(e);c.dataType=a.deriveFrom(c,n[s]),c.name=s,r.fields.push(c)}return r},t.prototype.generateSampleData=function(){for(var e={},t=0,n=this.fields;t<n.length;t++){var r=n[t];e[r.name]=r.dataType.generateSampleData()}return e},t.prototype.getChildFields=function(){return this.fields},Object.defineProperty(t.prototype,"valueType",{get:function(){return`Object`},enumerable:!1,configurable:!0}),t}(a);e.ObjectData=c;var l=function(){function e(e){this.parent=e}return e.parse=function(t){var n=new e(null);return n.name=`$root`,n.dataType=a.parse(n,t),n},e.deriveFrom=function(t){var n=new e(null);return n.name=`$root`,n.dataType=a.deriveFrom(n,t),n},e.prototype.asExpression=function(){return"${"+this.getPath()+`}`},e.prototype.getPath=function(e){e===void 0&&(e=!0);for(var t=this,n=[];t;)n.push(t),t=t.parent;for(var r=``,a=!1,o=n.length-1;o>=0;o--){var s=n[o].qualifiedName(!1);i(s)||a?(s=`['`+s+`']`,a=!0):r&&(r+=`.`),r+=s}return r},e.prototype.qualifiedName=function(e){return this.dataType.qualifyFieldName(this.name,e)},Object.defineProperty(e.prototype,"displayName",{get:function(){return this._displayName?this._displayName:this.name},set:function(e){this._displayName=e},enumerable:!1,configurable:!0}),Object.defineProperty(e.prototype,"children",{get:function(){return this.dataType.getChildFields()},enumerable:!1,configurable:!0}),Object.defineProperty(e.prototype,"isCollection",{get:function(){return this.dataType.isCollection},enumerable:!1,configurable:!0}),Object.defineProperty(e.prototype,"valueType",{get:function(){return this.dataType.valueType},enumerable:!1,configurable:!0}),e}();e.FieldDefinition=l})),Wi=e((e=>{Object.defineProperty(e,"__esModule",{value:!0}),e.Downloader=void 0,e.Downloader=function(){function e(e){this.url=e,this.onError=null,this.onSuccess=null}return e.prototype.error=function(){this.onError&&this.onError(this)},e.prototype.success=function(){this.onSuccess&&this.onSuccess(this)},e.prototype.download=function(){var e=this,t=new XMLHttpRequest;t.onerror=function(){e.error()},t.onload=function(){e._data=t.responseText,e.success()};try{t.open(`GET`,this.url,!0),t.send()}catch{this.error()}},Object.defineProperty(e.prototype,"data",{get:function(){return this._data},enumerable:!1,configurable:!0}),e}()})),Gi=e((e=>{Object.defineProperty(e,"__esModule",{value:!0}),e.SampleCatalogue=e.CatalogueEntry=void 0;var t=(f(),s(m)),n=Wi(),r=function(){function e(e,t,n,r){this.displayName=e,this.cardPayloadUrl=t,this._cardPayloadDownloaded=!1,this._sampleDataDownloaded=!1,this.onDownloaded=null,this.sampleDataUrl=n,this._cardId=r}return e.prototype.downloadCompleted=function(){this._cardPayloadDownloaded&&this._sampleDataDownloaded&&this.onDownloaded&&this.onDownloaded(this)},e.prototype.download=function(){var e=this,t=!1,r=!1;if(this.cardPayloadDownloaded)t=!0;else{var i=new n.Downloader(this.cardPayloadUrl);i.onSuccess=function(){e._cardPayload=i.data,e._cardPayloadDownloaded=!0,e.downloadCompleted()},i.onError=function(){e._cardPayloadDownloaded=!0,e.downloadCompleted()},i.download()}if(this.sampleDataUrl&&!this.sampleDataDownloaded){var a=new n.Downloader(this.sampleDataUrl);a.onSuccess=function(){e._sampleData=a.data,e._sampleDataDownloaded=!0,e.downloadCompleted()},a.onError=function(){e._sampleDataDownloaded=!0,e.downloadCompleted()},a.download()}else this._sampleDataDownloaded=!0,r=!0;t&&r&&this.downloadCompleted()},Object.defineProperty(e.prototype,"cardPayloadDownloaded",{get:function(){return this._cardPayloadDownloaded},enumerable:!1,configurable:!0}),Object.defineProperty(e.prototype,"cardId",{get:function(){return this._cardId},enumerable:!1,configurable:!0}),Object.defineProperty(e.prototype,"cardPayload",{get:function(){return this._cardPayload},enumerable:!1,configurable:!0}),Object.defineProperty(e.prototype,"sampleDataDownloaded",{get:function(){return this._sampleDataDownloaded},enumerable:!1,configurable:!0}),Object.defineProperty(e.prototype,"sampleData",{get:function(){return this._sampleData},enumerable:!1,configurable:!0}),e}();e.CatalogueEntry=r,e.SampleCatalogue=function(){function e(e){e===void 0&&(e=`./sample-catalogue.json`),this._entries=[],this._isDownloaded=!1,this.url=e}return e.prototype.downloaded=function(){this._isDownloaded=!0,this.onDownloaded&&this.onDownloaded(this)},e.prototype.parse=function(e){var n=null;if(n=Array.isArray(e)?e:Array.isArray(e.entries)?e.entries:null,this._entries=[],n!=null)for(var i=0,a=n;i<a.length;i++){var o=a[i];if(typeof o==`object`){var s=t.parseString(o.displayName),c=t.parseString(o.cardPayloadUrl);s&&c&&this._entries.push(new r(s,c,t.parseString(o.dataSampleUrl)))}}},e.prototype.download=function(){var e=this;if(this.isDownloaded)this.downloaded();else{var t=new n.Downloader(this.url);t.onError=function(){e._entries.length===0&&(e._entries=[]),e.downloaded()},t.onSuccess=function(){if(t.data)try{e.parse(JSON.parse(t.data))}catch{}e.downloaded()},t.download()}},Object.defineProperty(e.prototype,"isDownloaded",{get:function(){return this._isDownloaded},enumerable:!1,configurable:!0}),Object.defineProperty(e.prototype,"entries",{get:function(){return this._entries},enumerable:!1,configurable:!0}),Object.defineProperty(e.prototype,"url",{get:function(){return this._url},set:function(e){e!==this._url&&(this._url=e,this._isDownloaded=!1)},enumerable:!1,configurable:!0}),e}()})),Ki=e(((e,t,n)=>{var r=n&&n.__extends||(function(){var e=function(t,n){return e=Object.setPrototypeOf||{__proto__:[]}instanceof Array&&function(e,t){e.__proto__=t}||function(e,t){for(var n in t)Object.prototype.hasOwnProperty.call(t,n)&&(e[n]=t[n])},e(t,n)};return function(t,n){if(typeof n!=`function`&&n!==null)throw TypeError(`Class extends value `+String(n)+` is not a constructor or null`);e(t,n);function r(){this.constructor=t}t.prototype=n===null?Object.create(n):(r.prototype=n.prototype,new r)}})();Object.defineProperty(e,"__esModule",{value:!0}),e.HelpDialog=void 0,e.HelpDialog=function(e){r(t,e);function t(){return e!==null&&e.apply(this,arguments)||this}return t.prototype._getShortcutRow=function(e,t,n){n===void 0&&(n=!1);var r=document.createElement(`b`);r.innerText=e;var i=document.createElement(n?`th`:`td`);i.style.textAlign=`left`,i.appendChild(r);var a=document.createElement(n?`th`:`td`);a.style.textAlign=`left`,a.innerText=t;var o=document.createElement(`tr`);return o.appendChild(i),o.appendChild(a),o},t.prototype.renderContent=function(){this._renderedElement=document.createElement(`div`);var e=document.createElement(`h2`);e.innerText=`Card Payload and Sample Data Editors`,this._renderedElement.appendChild(e);var t=document.createElement(`h3`);t.innerText=`Keyboard Shortcuts`,this._renderedElement.appendChild(t);var n=document.createElement(`table`),r=n.createCaption();return r.style.textAlign=`left`,r.innerText=`These keyboard shortcuts only work when the keyboard focus is within either the card payload or sample data editors`,n.appendChild(document.createElement(`br`)),n.appendChild(this._getShortcutRow(`Shortcut`,`Description`,!0)),n.appendChild(this._getShortcutRow(`Alt-F1`,`Show help dialog for editor`)),n.appendChild(this._getShortcutRow(`Ctrl-M`,`Toggle behavior of TAB key. By default, pressing TAB will insert a TAB character. When toggled, pressing TAB will navigate to the next focusable item.`)),this._renderedElement.appendChild(n),this._renderedElement},t}(ji().Dialog)})),qi=e(((e,t,n)=>{var r=n&&n.__extends||(function(){var e=function(t,n){return e=Object.setPrototypeOf||{__proto__:[]}instanceof Array&&function(e,t){e.__proto__=t}||function(e,t){for(var n in t)Object.prototype.hasOwnProperty.call(t,n)&&(e[n]=t[n])},e(t,n)};return function(t,n){if(typeof n!=`function`&&n!==null)throw TypeError(`Class extends value `+String(n)+` is not a constructor or null`);e(t,n);function r(){this.constructor=t}t.prototype=n===null?Object.create(n):(r.prototype=n.prototype,new r)}})();Object.defineProperty(e,"__esModule",{value:!0}),e.CardDesigner=void 0;var i=Oi(),a=(f(),s(m)),o=ki(),c=Di(),l=Ai(),u=Mi(),d=Ni(),p=j(),h=Pi(),g=Fi(),_=Ii(),v=Li(),y=bi(),b=Ri(),x=N(),S=Hi(),C=Vi(),w=Ui(),T=vi(),E=ri(),D=ii(),O=hi(),k=Gi(),ee=Ki(),A=ni(),M=function(e){r(t,e);function t(n,r){n===void 0&&(n=null),r===void 0&&(r=null);var i=e.call(this)||this;return i._isAttached=!1,i._isMonacoEditorLoaded=!1,i._undoStack=[],i._undoStackIndex=-1,i._bindingPreviewMode=c.BindingPreviewMode.NoPreview,i._sampleCatalogue=new k.SampleCatalogue,i._cardPreventUpdate=!1,i._jsonPreventUpdate=!1,i._cardEditorUpdateCounter=0,i._isEdgeHTML=void 0,i._targetVersion=a.Versions.latest,i._fullScreenHandler=new _.FullScreenHandler,i._preventRecursiveSetTargetVersion=!1,i.toolbar=new v.Toolbar,i.lockDataStructure=!1,a.GlobalSettings.enableFullJsonRoundTrip=!0,a.GlobalSettings.allowPreProcessingPropertyValues=!0,a.GlobalSettings.setTabIndexAtCardRoot=!1,a.AdaptiveCard.onProcessMarkdown=function(e,n){t.internalProcessMarkdown(e,n)},i._hostContainers=n||[],i._deviceEmulations=r||[],i.prepareToolbar(),i}return t.internalProcessMarkdown=function(e,n){t.onProcessMarkdown?t.onProcessMarkdown(e,n):window.markdownit&&(n.outputHtml=window.markdownit().render(e),n.didProcess=!0)},t.prototype.togglePreview=function(){this._designerSurface.isPreviewMode=!this._designerSurface.isPreviewMode,this._designerSurface.isPreviewMode?(this._togglePreviewButton.toolTip=`Return to Design mode`,this._designerSurface.setCardPayloadAsString(this.getCurrentCardEditorPayload())):(this._togglePreviewButton.toolTip=`Switch to Preview mode`,this.updateCardFromJson(!1)),this.buildTreeView()},t.prototype.buildTreeView=function(){if(this._treeViewToolbox.content){if(this._treeViewToolbox.content.innerHTML=``,this.designerSurface.isPreviewMode)this.treeViewToolbox.content.innerHTML=`<div style="padding: 8px; display: flex; justify-content: center;"><div>The Card Structure isn't available in Preview mode.</div></div>`;else{var e=new O.TreeView(this.designerSurface.rootPeer.treeItem);e.onItemInvoked=function(){var e=document.getElementsByClassName(`acd-propertySheet-host`);if(e.length===1){var t=e[0].querySelectorAll(`a[href], area[href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [tabindex="0"]`);t.length>0&&t[0].focus()}},this._treeViewToolbox.content.appendChild(e.render())}}},t.prototype.buildDataExplorer=function(){if(this._dataToolbox&&this._dataToolbox.content&&(this._dataToolbox.content.innerHTML=``,this.dataStructure)){var e=new T.DataTreeItem(this.dataStructure),t=new O.TreeView(e);this._dataToolbox.content.appendChild(t.render())}},t.prototype.buildPropertySheet=function(e){var t;if(this._propertySheetToolbox.content){var n=this._propertySheetCard?.findDOMNodeOwner(document.activeElement)?.id;this._propertySheetToolbox.content.innerHTML=``,e?this._propertySheetCard=e.buildPropertySheetCard(this):(this._propertySheetCard=new a.AdaptiveCard,this._propertySheetCard.parse({type:`AdaptiveCard`,version:`1.0`,body:[{type:`TextBlock`,wrap:!0,text:`**Nothing is selected**`},{type:`TextBlock`,wrap:!0,text:`Select an element in the card to modify its properties.`}]},new a.SerializationContext(this.targetVersion)),this._propertySheetCard.padding=new a.PaddingDefinition(a.Spacing.Small,a.Spacing.Small,a.Spacing.Small,a.Spacing.Small)),this._propertySheetCard.hostConfig=y.defaultHostConfig,this._propertySheetToolbox.content.appendChild(this._propertySheetCard.render()),n&&((t=(this._propertySheetCard.getElementById(n)??this._propertySheetCard.getActionById(n))?.renderedElement)==null||t.focus())}},t.prototype.addPaletteItem=function(e,t){var n=this;e.render(),e.onStartDrag=function(e){n._draggedPaletteItem=e,n._draggedElement=e.renderDragVisual(),n._draggedElement.style.position=`absolute`;var t=y.Utils.adjustPointForScroll(n._currentMousePosition);n._draggedElement.style.left=t.x+`px`,n._draggedElement.style.top=t.y+`px`,document.body.appendChild(n._draggedElement)},t.appendChild(e.renderedElement)},t.prototype.buildPalette=function(){var e=this;if(this._isAttached){this._toolPaletteToolbox.content.innerHTML=``;for(var t={},n=function(n){var i=r.hostContainer.elementsRegistry.getItemAt(n);if(i.schemaVersion.compareTo(r.targetVersion)<=0){var a=c.CardDesignerSurface.cardElementPeerRegistry.findTypeRegistration(i.objectType);if(a){t.hasOwnProperty(a.category)||(t[a.category]=[]);var o=new b.ElementPaletteItem(i,a);o.onDoubleClick=function(t){var n=o.createPeer(e,e.designerSurface);e.designerSurface.rootPeer.tryAdd(n)&&(n.isSelected=!0)},t[a.category].push(o)}}},r=this,i=0;i<this.hostContainer.elementsRegistry.getItemCount();i++)n(i);if(this.customPaletteItems)for(var a=0,o=this.customPaletteItems;a<o.length;a++){var s=o[a];t.hasOwnProperty(s.category)||(t[s.category]=[]),t[s.category].push(s)}for(var l in t){var u=document.createElement(`div`);u.setAttribute(`aria-label`,l);var d=document.createElement(`div`);u.appendChild(d),d.innerText=l,d.className=`acd-palette-category`,this._toolPaletteToolbox.content.appendChild(u);var f=document.createElement(`div`);f.className=`acd-palette-item-container`;for(var i=0;i<t[l].length;i++)this.addPaletteItem(t[l][i],f);u.appendChild(f)}}},t.prototype.endDrag=function(){this._draggedPaletteItem&&(this._draggedPaletteItem.endDrag(),this._draggedElement.parentNode.removeChild(this._draggedElement),this._draggedPaletteItem=null,this._draggedElement=null)},t.prototype.renderErrorPaneElement=function(e,t){var n=this,r=document.createElement(`div`);return r.className=`acd-error-pane-message`,t&&t instanceof a.CardObject&&(r.classList.add(`selectable`),r.title=`Click to select this element`,r.onclick=function(e){var r=n.designerSurface.findPeer(t);r&&(r.isSelected=!0,r.scrollIntoView())}),r.innerText=e,r},t.prototype.recreateDesignerSurface=function(){var e=this,t=document.getElementById(`adaptiveCardStylesheet`);t??(t=document.createElement(`link`),t.id=`adaptiveCardStylesheet`,document.getElementsByTagName(`head`)[0].appendChild(t)),t.rel=`stylesheet`,t.type=`text/css`,y.Utils.isAbsoluteUrl(this.hostContainer.getCurrentStyleSheet())?t.href=this.hostContainer.getCurrentStyleSheet():t.href=y.Utils.joinPaths(this._assetPath,this.hostContainer.getCurrentStyleSheet());var n=document.getElementById(`cardArea`);n&&(n.style.backgroundColor=this.hostContainer.getBackgroundColor()),this.hostContainer.initialize(),this._designerHostElement.innerHTML=``,this.hostContainer.renderTo(this._designerHostElement);var r=this._designerSurface?this._designerSurface.isPreviewMode:!1;this._designerSurface=new c.CardDesignerSurface(this),this._designerSurface.fixedHeightCard=this.hostContainer.isFixedHeight,this._designerSurface.onSelectedPeerChanged=function(t){e.buildPropertySheet(t)},this._designerSurface.onLayoutUpdated=function(t){t&&(e.scheduleUpdateJsonFromCard(),e.buildTreeView())},this._designerSurface.onCardValidated=function(t){e.onCardValidated&&e.onCardValidated(e,t);var n=document.getElementById(`errorPane`);if(n.innerHTML=``,e.targetVersion.toString()==`1.4`&&(e.hostContainer.name==`Microsoft Teams - Dark`||e.hostContainer.name==`Microsoft Teams - Light`)&&n.appendChild(e.renderErrorPaneElement(`[Warning] The selected Target Version (`+e.targetVersion.toString()+`) is only supported by bot sent card. For user sent cards please use version 1.3`)),e.targetVersion.compareTo(e.hostContainer.targetVersion)>0&&D.GlobalSettings.showTargetVersionMismatchWarning&&n.appendChild(e.renderErrorPaneElement(`[Warning] The selected Target Version (`+e.targetVersion.toString()+`) is greater than the version supported by `+e.hostContainer.name+` (`+e.hostContainer.targetVersion.toString()+`)`)),t.length>0){for(var r=[],i=0,o=t;i<o.length;i++){var s=o[i];r.indexOf(s)<0&&r.push(s)}for(var c=0,l=r;c<l.length;c++){var s=l[c],u=``;switch(s.phase){case a.ValidationPhase.Parse:u=`[Parse]`;break;case a.ValidationPhase.ToJSON:u=`[Serialize]`;break;default:u=`[Validation]`}n.appendChild(e.renderErrorPaneElement(u+` `+s.message,s.source))}}n.childElementCount>0?n.classList.remove(`acd-hidden`):n.classList.add(`acd-hidden`)},this._designerSurface.onStartDrag=function(t){e._startDragPayload=JSON.parse(e.getCurrentCardEditorPayload())},this._designerSurface.onEndDrag=function(t,n){n?e.setCardPayload(e._startDragPayload,!1):e.addToUndoStack(e._designerSurface.getCardPayloadAsObject())},this.buildPalette(),this.buildPropertySheet(null),this.updateCardFromJson(!1),this.updateSampleData(),this._sampleHostDataEditorToolbox.isVisible=this._hostContainer instanceof A.WidgetContainer&&D.GlobalSettings.enableDataBindingSupport&&D.GlobalSettings.showSampleHostDataEditorToolbox,this._designerSurface.isPreviewMode=r,this.updateFullLayout()},t.prototype.activeHostContainerChanged=function(){this.recreateDesignerSurface(),this._deviceEmulationChoicePicker&&(this._deviceEmulationChoicePicker.isHidden=!this.hostContainer.enableDeviceEmulation,this.activeDeviceEmulationChanged()),this._containerSizeChoicePicker&&(this._containerSizeChoicePicker.isHidden=!this.hostContainer.supportsMultipleSizes,this._hostContainer instanceof A.WidgetContainer&&this._containerSizeChoicePicker.isEnabled&&this._sampleHostData&&(this.updateHostDataSizeProperty(),this._containerSizeChoicePicker.value!==this._hostContainer.containerSize&&(this._hostContainer.containerSize=this._containerSizeChoicePicker.value,this.recreateDesignerSurface()))),this._containerThemeChoicePicker&&(this._containerThemeChoicePicker.isEnabled=!!this.hostContainer.supportsMultipleThemes,this._containerThemeChoicePicker.isEnabled&&this._sampleHostData&&(this.updateHostDataThemeProperty(),this._containerThemeChoicePicker.value!==this._hostContainer.colorTheme&&(this._hostContainer.colorTheme=this._containerThemeChoicePicker.value,this.recreateDesignerSurface()))),this.onActiveHostContainerChanged&&this.onActiveHostContainerChanged(this)},t.prototype.activeDeviceEmulationChanged=function(){this.deviceEmulation?.maxWidth&&this._hostContainer.enableDeviceEmulation?this._designerHostElement.style.setProperty(`max-width`,this.deviceEmulation.maxWidth):this._designerHostElement.style.removeProperty(`max-width`)},t.prototype.targetVersionChanged=function(){var e=this.designerSurface.getCardPayloadAsObject();typeof e==`object`&&(e.version=this.targetVersion.toString(),this.setCardPayload(e,!1)),this.recreateDesignerSurface(),this.onTargetVersionChanged&&this.onTargetVersionChanged(this)},t.prototype.updateToolboxLayout=function(e,t){if(e){var n=e.getHeaderBoundingRect();e.content.style.height=t.height-n.height+`px`}},t.prototype.updateJsonEditorsLayout=function(){if(this._isMonacoEditorLoaded){var e=this._jsonEditorsPanel.contentHost.getBoundingClientRect();this.updateToolboxLayout(this._cardEditorToolbox,e),this._cardEditor.layout(),this._sampleDataEditorToolbox&&(this.updateToolboxLayout(this._sampleDataEditorToolbox,e),this._sampleDataEditor.layout()),this._sampleHostDataEditorToolbox&&(this.updateToolboxLayout(this._sampleHostDataEditorToolbox,e),this._sampleHostDataEditor.layout())}},t.prototype.updateFullLayout=function(){this.scheduleLayoutUpdate(),this.updateJsonEditorsLayout()},t.prototype.cardPayloadChanged=function(){this.onCardPayloadChanged&&this.onCardPayloadChanged(this)},t.prototype.beginCardEditorUpdate=function(){this._cardEditorUpdateCounter++},t.prototype.endCardEditorUpdate=function(){this._cardEditorUpdateCounter>0&&this._cardEditorUpdateCounter--},t.prototype.setCardPayload=function(e,t){if(this._isMonacoEditorLoaded){this.beginCardEditorUpdate();try{e.hasOwnProperty(`version`)&&(e.version=this.targetVersion.toString()),this._cardEditor.setValue(JSON.stringify(e,null,4)),this.updateCardFromJson(t)}finally{this.endCardEditorUpdate()}}this.cardPayloadChanged()},t.prototype.setSampleDataPayload=function(e){this._isMonacoEditorLoaded&&this._sampleDataEditor&&this._sampleDataEditor.setValue(JSON.stringify(e,null,4))},t.prototype.setSampleHostDataPayload=function(e){this._isMonacoEditorLoaded&&this._sampleHostDataEditor&&this._sampleHostDataEditor.setValue(JSON.stringify(e,null,4))},t.prototype.updateJsonFromCard=function(e){e===void 0&&(e=!0);try{if(this._cardPreventUpdate=!0,!this._jsonPreventUpdate&&this._isMonacoEditorLoaded){var t=this._designerSurface.getCardPayloadAsObject();this.setCardPayload(t,e)}}finally{this._cardPreventUpdate=!1}},t.prototype.scheduleUpdateJsonFromCard=function(){var e=this;clearTimeout(this._jsonUpdateTimer),this._jsonPreventUpdate||(this._jsonUpdateTimer=setTimeout(function(){e.updateJsonFromCard()},100))},t.prototype.getCurrentCardEditorPayload=function(){return this._isMonacoEditorLoaded?this._cardEditor.getValue():o.defaultPayload},t.prototype.getCurrentSampleDataEditorPayload=function(){return this._isMonacoEditorLoaded&&this._sampleDataEditor?this._sampleDataEditor.getValue():``},t.prototype.getCurrentSampleHostDataEditorPayload=function(){return this._isMonacoEditorLoaded&&this._sampleHostDataEditor?this._sampleHostDataEditor.getValue():``},t.prototype.updateCardFromJson=function(e){try{this._jsonPreventUpdate=!0;var t=this.getCurrentCardEditorPayload();if(e)try{this.addToUndoStack(JSON.parse(t))}catch{}this._cardPreventUpdate||(this.designerSurface.setCardPayloadAsString(t),this.cardPayloadChanged())}finally{this._jsonPreventUpdate=!1}},t.prototype.scheduleUpdateCardFromJson=function(){var e=this;clearTimeout(this._cardUpdateTimer),this._cardPreventUpdate||(this._cardUpdateTimer=setTimeout(function(){e.updateCardFromJson(!0)},300))},t.prototype.isEdgeHTML=function(){return this._isEdgeHTML===void 0&&(this._isEdgeHTML=window.navigator.userAgent.toLowerCase().indexOf(`edge`)>-1),this._isEdgeHTML},t.prototype.scheduleLayoutUpdate=function(){var e=this;this.designerSurface&&(this.isEdgeHTML()?(clearTimeout(this._updateLayoutTimer),this._updateLayoutTimer=setTimeout(function(){e.designerSurface&&e.designerSurface.updateLayout(!1)},5)):this.designerSurface.updateLayout(!1))},t.prototype.prepareToolbar=function(){var e=this;if(D.GlobalSettings.showVersionPicker){this._versionChoicePicker=new v.ToolbarChoicePicker(t.ToolbarCommands.VersionPicker),this._versionChoicePicker.label=`Target version:`,this._versionChoicePicker.alignment=v.ToolbarElementAlignment.Right,this._versionChoicePicker.separator=!0;for(var n=0;n<D.GlobalSettings.supportedTargetVersions.length;n++)this._versionChoicePicker.choices.push({name:D.GlobalSettings.supportedTargetVersions[n].label,value:n.toString()});this.toolbar.addElement(this._versionChoicePicker)}if(this._newCardButton=new v.ToolbarButton(t.ToolbarCommands.NewCard,`New card`,`acd-icon-newCard`,function(t){var n=new u.OpenSampleDialog({catalogue:e._sampleCatalogue,handlers:[{label:`From JSON Schema`,onClick:function(){n.close(),e.launchJsonSchemaPopup()},onKeyEnterEvent:function(t){n.close(),e.launchJsonSchemaPopup()},cardData:{thumbnail:function(){var e=document.createElement(`div`);return e.className=`acd-image-container`,e.innerHTML=`<div class="acd-image-upload acd-open-sample-item">
                                        <img alt="json schema image" src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAIoAAACKCAMAAABCWSJWAAAAAXNSR0IArs4c6QAAAARnQU1BAACxjwv8YQUAAAJDUExURQAAAAAAAEBAQGBgYFVVVU1NTUZGRl1dXVVVVU5OTlVVVVBQUEtLS1FRUVFRUVJSUlJSUk9PT1JSUlBQUFNTU1BQUE5OTlNTU1FRUU5OTlNTU09PT1NTU1FRUU9PT1NTU1BQUE5OTlJSUlBQUFJSUlBQUE9PT1JSUlFRUU9PT05OTlFRUU5OTlJSUlFRUVBQUFFRUU9PT05OTlFRUVBQUE9PT05OTlJSUlFRUVFRUVBQUFBQUE9PT1FRUVBQUE9PT1FRUU9PT05OTlBQUFBQUFBQUE9PT1FRUVFRUU9PT1BQUE9PT1FRUU9PT09PT1BQUE1NTVBQUE9PT1BQUE9PT05OTlBQUFFRUVBQUFBQUE9PT1FRUVFRUVBQUE9PT1FRUVBQUE9PT1FRUVBQUE9PT05OTlBQUFBQUFBQUFBQUE9PT1BQUE9PT1FRUVBQUFFRUVBQUFFRUVBQUFBQUFBQUFFRUVBQUFBQUFBQUFFRUVFRUVBQUFBQUFBQUE9PT1FRUVBQUFBQUE9PT1FRUVBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFFRUVBQUFBQUE9PT1FRUVBQUE9PT1BQUFBQUFBQUFBQUFBQUFBQUFBQUFFRUU9PT1FRUVBQUFBQUFBQUFFRUVBQUFBQUFBQUFBQUE9PT1BQUFFRUVBQUFBQUE9PT1FRUVBQUFBQUFBQUFFRUVBQUFBQUFBQUFFRUVBQUE9PT1BQUE9PT1FRUVBQUFBQUFBQUE9PT1BQUE9PT1BQUFFRUc/1aIgAAAC+dFJOUwABBAgJCgsLDA0PEBETFhkcHR8gIiMkJSYnKCorLC0uMDEyMzU2Nzg5Ojs8Pj4/Q0VHSEhJSktLTE9QU1RVVldYWltcXWBhYWJkZmdoamtscHN0eX5/gIGCg4SEhYaIiImKi4yOj4+QlZaXmZqbnJ6goaKjpqeoqaqqq6ytsLGxsrO0tLW2ubq7vL2/wcLDxMTFx8jJysvNzs/R1NTV1tra293e4OHj4+Xm5+fo6erq6+zt7e7y9ff3+Pr8/v6BMG3iAAAACXBIWXMAADLAAAAywAEoZFrbAAAEwklEQVR4Xu2c+1tURRjHVxSEAhXTLBNLCSMzu6nYFpQheEXCSk3D1MrQUjQTLbxg3lBERUHMa0ZZlikQRVg6/mntvvNdd3b33T17mDknnp75/MLznXn3nQ+H3XPmUYZAKnLLG9q6BoQX3Bf3+i43b5iJlRx47hBe5iU3a3OwXHIe+wLFXtNbgxWTMasblT7QOAKLslSjyh/OP4FlGd5EjV+cT3pdiu6g5Le62eNSXj13TPkTfXs2zx2fmVewpAlZfI2KBDpR8H4mBgxxBn0/yMZAoPgAhpK8dxfL2e5ZyKaokH375iIT6+Rgz0jkWH6Qs9MRjXFV9o27rcFlDWIMZXJuPqIxXpV9FyI+QP6MbiDFIO9tLUjm+Jz6tiFFeZbGxQxElV6aCSKZ4wb1fQNJQV6WdUgKE2hiIAPRGPnUVzz48ERZShNHkRRm0kQrkjmKqG8HkkoBzVxEUpB32gYkcwSp7z4klTya6UVSqKKJOiRzVFLfeiSVETQzgKTgv8o4mulCUvBfZTbNJH7K/wOVTTSzE0nBd5XM2zRTjqjgu8pqmhC5iAp+q5TQuDiEqOKzygz5nGH3Af6qYA8jtiPH4KNKVtkpGhTi1gQMxRCv8nq9DsvQJaLyHcZD7G2/S0NhXkFRLPEqBykPlnPoElHhqUJNHP6r9JeiJB7fVc4WoiIBn1WuJex1o/ip8uvWlPvWeJVRlTpMRpeIykmMhwhOy8dUMuJVTCFVmGdQcqwKh1XhsCocVoXDqnDEq5h9HFqVMFaF4/+qYgqrwmFVOKwKh1XhsCocBlTGVulQhC5GVOyTOYxV4RjCKnPqdIj+o58BFVNYFQ6rwmFVOKwKh1XhMKCyokOHTehiRMVuEsJYFY4hrBJ4WodhaGJGxRBrqW8nUlp4pTKEropV4bAqHFaFw6pwWBUOq8JhVTisCodLlfyiYOUOeslx/B6dFm+/98kidHanEtwiz6oY5Q6au1FZcI1KTeNeZWo7FZrHtUrpX1TnAW5V5IfGE1yqvExFRMd+/A63Bl9FDjoK8ftPh7FGeiqP3qIiIU6V8Yf/XHIC7bp2jMEIkY5K5LRwBbImNWi3CjlCGio4a9fLHbYbBNk9sl/CN5aGyjdUIkoQdVkj2y1HjOKs8jBViNWI2lygdgeQFJxV3qKK7ixEXSZSO1GMqOCs8iVVbEbSRr5p25FUnFVOU4Wpd0rgU2r3LpKKs8r3VDEeSZtd1I45iJqGSj9VGDvO3UrtuBuDs0ofVeQhaXOE2r2EpCLfRR8jcVyiigIkbbZRO+7G/RHNJN5vojRTxRIkbWqp3WdIKvLzMQ+JYwNVNCFpI8/9/oykgOPMTyJyyOPL4hlEXXJku8SrvJHGryDx3KQaY5dF/nmSHx9CjFBIw2I9Io/86YoPEXXB38DYjwhyr8jhp5B5cnAc0pRLi2y3ezhymMexi4/+nxlPZK/TxDzDBsGLaNf5GgZCe2fsYf6O2dZx7JGFoUf70gID9zqcxA1tUN+ZOjojf3qtvKGHcN4nZn2L0hD38NULVmK9VEyKunioshGrpSazEeUeqlRjLUdq8M7ySuXYC1goDbJrfwm/xBuV9mSnUJPx/Prmi3/gxab453rH3upHsEAqAoF/ATgD/WK2xh4JAAAAAElFTkSuQmCC" />
                                        <div class="acd-image-text-container">
                                            <div class="acd-image-upload-title">From JSON Schema</div>
                                        </div>
                                    </div>`,e}}},l.Pic2Card.pic2cardService?{label:`Pic2Card`,onClick:function(){n.close(),e.launchImagePopup()},onKeyEnterEvent:function(t){n.close(),e.launchImagePopup()},cardData:{thumbnail:function(){var e=document.createElement(`div`);return e.className=`acd-image-container`,e.innerHTML=`<div class="acd-image-upload acd-open-sample-item">
                                            <img alt="pic2card image" src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAIEAAABOCAYAAAAHHnUxAAAAAXNSR0IArs4c6QAAAERlWElmTU0AKgAAAAgAAYdpAAQAAAABAAAAGgAAAAAAA6ABAAMAAAABAAEAAKACAAQAAAABAAAAgaADAAQAAAABAAAATgAAAACZDZmOAAAOaklEQVR4Ae1de5BT1Rn/zs3Nczf7ThYWWHZl5eGyLCtQULdTUYovaMeO2tfYjrVFBTt2rMrYVmUcbWvbP6yOooy1neljOlgtvrWwpVJ8sIDoAuI+siz7ysK+ErJJbpKb3H5n8bIQktx7c5NwQ++ZyZzNOd/5vu9+3y/nnvOdxxJIkARBYPYdPFgTE4QaVmAqoiAUgABsAlK9KBMWIMAbgPh5EhthCOlZ2tDQQwiJZYK1HB4knmjPp5/WMlFYLhBij6/Tv+fGAkQQfDED7Fne2Hg0FxJPgwB//WR/W9uXYjGyKBeCdRnSFmAYoW3JokWt2CsI0tTpUzBiUx0AoiW0k9MfJPVLtjWaBAF9Beg9QLZNnR5/6hfqn/Ray2vF0EEgHQPII9epzocFJsdo6KdsyZ6cBeiDwGyZNzN8qX/obC0z3M7lwtBp4LnFeonWLJBNPzE0DqC1B9b1OdcC2fQTvm4wEKQnzVsgm35i8yESyPMRU19vz9ogxzVEo9ESzXsMFTQwTMBkMndWzaz+p81q9ajWOYsRW82HggkB0tXV8ZNwOFyn2pA5ZMBHozY+GKjodnXU19XN3WSxWCdyKF6RqKxNOxRpkYJ4cHCwKd8AcObjxGKxIvfgwOozy7T2d8Z6gmiUN/g8HluA4yxhnmctFksIu0GuqKg4oOahuaC/Wk17LbQNRcKafgZVIKCOP9rTM3NkdHh6YMJfTkA4vRYhGt/AsmF7UfHxSodzsGrGzGGxXG5uMplG5dJqlY41GDT9DGmDwNXVWT3gHpgXjUTM1PjneP8Lj0R53uQZG51FP339vaMX1c454nBWyh4oOcodH497PF+n3apWnZxKL1z8iZaVVexKRXO+6xSPCSKRMLt3z0fLe3t7FokAkPsQAb+//NChtuaujnbZsXCT1eafUTXzKYPBMChXjlbocG+Az1nh3FJWVn5MKzol0kNRT8AFg+b9+1svx4GaqtgC9gj1/kCgsHFx08FESsWXlZaV9+Jnkz/gK+MCXF5MEc1GY8BeUnJcEHASrvEkGwQ4V2c+ObB/mVoAiPYYGxuZ3d5xJDBv7gKXWCaVF9jsY/QjRaeVegRAXiTZr4PDhw7VB7lgRn+Fg/39C44PucvzwlIXsJKyQDA6Pmanv9xs2MHV7arPBl+dp3wLyAKBy9W5QD5LZZQhLlh0tNs1Q1krnTqTFpAcEwSDAZP/5ElnJoXG8xoZHp5Ze9Gcgfhy8bsW1g7oFBhnKCPWAvve2pqaf+XDgE+0n1QuCQL30FBWAUAV9PknKjiOo1FGPl5hrawd0DFejOerI97x6s6OUFXdxfP+GK9rvn6XfB14vZ6sD9xopHF8bDjhoFOLaweBYOAy70nvBfMKkwQBHwpbcoHwUCiSUI5W1w4mfL5ZubBLLmRIgiAS5SfDwtlWJhQJJZSj1bUDs9mcN/EKKd9JggAJcnIcigCTUA5dO2AY5qTUg+SynmXZvvLyctlBrlzqlo4sSRCwJiOXDmOlbSxmc0I5Wls7MBlNHbNrap4hBHfmXSBJcnaA3V7Al4OHtRQUJN13oJW1A5vdPmI1WzTVK2XCNZIgqCgvP4Hz+IsyISwZD4Zhw84KhzdZvVieb2sHot5K8oGArajLWzDtRNDiDEZIQZhnLDhNjlnZ2MTVm4UA7tjoKy+DvS/dQoJK+KailQRB5bQZox0dHTyu50vSphKUqq64tHgoVf2FXrfnRFlt20hRo3vCutjPG6qSP6/wbVo3MkIiVz0rHMDYxW5goOUrd8A7m1QcZSetB9p+lFzoqZrPDh+ad/y4+2IpunTrmxqb3ispr8jFWyddFTPebpQzWV/prrrm2ETh5REeEsZI5AslRxEMTxsYeHHHHUSyR43nKwsENJrX2vrhVXSXUDwDtd+LS0r6L7102Sdy+QgCntzPp4T7CQgzNfMJRAm7zTXrysOj9ht4gajal3GuGcgEbvF6ylIDj759PQmdW5+4RBYIaNPevt7prs72JYnZpFdqZFmuadmK/xZYrSkV5rhgYW9/703hYLABj2Pl3eUZjMEwbrPY9nYbL+vc5XZ+KxQlWY7Cks8NBG7bsZ58JMczklNEkUn1rGp3ZeX0TvG72hwXZGJzL1m4VwoA9Jff7eq8lwsELs9HAFA7xaLR0tbx6tU7Bqatzz4AqERhfkyA91duFp7YJOM0s2wQUNaX1C9sdzicqoMkjIGNzJs/v1XOjMDtHliCBzlmUvn5mGJ4ovx9rhkOhC8FehtMrp4B30IMxIQH3tsMf1v3vGBMJVcRCCijhQ2NR2pn135CiCGtYAkGhXyLG5t2T6+aNZJKMbGO48IpRssilTZzCoAd3Gro4WvPn4KC8M2uKLx83VtCwrA8VUwxCGijmjl1/ctXrGgpczh6BJB3nw59/1dX17Qtv6x5Fw4G/ZSPnGQyGRWfVZDDNxc0H4SugOGoIxeiUsrAHmhtqAdeu3mrkHBQnfbc32q1hRsbFh8Khbh2d39/5ejYWCWetCnADSAWGlMwGNgQa2Q5u63Q43A6h/CswRiuAdBleUXJOW36Pq/HsyYai2Z5MKVILUnig5FFcIyvkaSTIphZDMDjqsqQygk0AmE1xhceRnmPxMuUPTuIb5jL774Jr3NgYODWcChEYxVp9V651LePnwW7uCtVi7wdLxH67hIMF+I2pi0fAmyVPZFOLBrP9sZwULKqZQPZeSZFXoBAVBh7GTOefdD0SaRg1Gh8qn3pveEoUaXnrTgZv2352ePIJ3cJ8Noh0Rpp5oS4mQJoaPk+OX00Lu3XQZoqqGrGssZQoV3bY4SXjsxeoxYANzacCwBquHu+DBAIA+zoUGFGQZgOfrIROTwgctF81yoqmg+5e8Js7/DYVR1DXz0P4O7mxE+L5xph41UAl9ckrpdbim+X9WufF05fU6SDQK7lZNC9cnTGGgzSJNwmJ6M5NONM8v6VeLgXnZ0sGRgCD18D0KRihyPGEAr8PPxUlKGDQLSEyhxfAYZBvy3t+yCXYDjsIexDqJOlkgljwo9dj8G7SinK5PU4Tbsbp4yFlEIHQXI7KarZPeSYi1M5m6JGXxBTZz56HYARnSumY2MCnPBNzajHAgK4Rqa+W40Efr0GYE7aE2ehcGQE8OWig0C0uer8iKdocTpMqBOpM6lTxeQ+KcD9rwP4I2IJQAhPZDyAZQPeKSAUmgk8sRaAxhLSSSgRoaeDIB3bJWxzfMKsGATUeb9BJ1JnimnUL8B9r+HGkQQx1fEgwH2vAgxPTAGhzEbgt18DcE527CIXmbmgg0CmpaTJPvcUOXF1sFSacorCgU6jzitFJ4rJy2EPgABwp9jFeBzvQKMg8QangFBpPwWEEqvISV6OA8TZ17wg1OljAnn2Skl11GudnpIgrpI663cIAOo8MQXCAmzE7r5nXCxJnvd5ADa+ga8LbCOmWSVkslcpULjtJ8bDbB0EohVV5KMhs+xVIuok+gqgThNTiBfgZ28CdChYKqO0P8c2tK2Y6ipODRbNCkKAOJit1EEgWlBFHoqysjvi7y0DoM4SEx8V4JF3ANrcYon8nLbZ9C4uMCEPMdVPI3CLgtEJAmCaAsyIYrKTjwFnGwcuw3vu1OtaChZ/GViSnomgEvio/ABRkXlKJ7ow9MsdAK29U2VK/9pzDOBXLdgrfFUAvChrsnmxsnCVdkDQEu1deRS8Nyg1Qrbpa6H4zZsNc7HjTZ5wt7fsDTZ/3gdQXSoAddQLuAPwP67kfOXW7OzCaR76//blAtCB498PyG15ik4zPYEytbVFbWFjKXuKM7UdxJH/hpfPLMnM3y24+5N+lCZcW/bhPg/lGz2UCrrQ6S0G+SDQmi2wAxlh8PaNhAdBtaaslvWpLAgNaVk/Cd3aGTwY4ZMg0qslLLCw1NsnQaLZaosFPkMQCHn7AFqxbLklHLSwwgmt6CNXD1yyPvDWbWSI8cVi3fq4QK7ZktNNK+DaktdqswbHA9uoZuzKpiZPa1sb3bA073yqSqdh+A+j3z6fOiSSjf+AKuENKvG0C8tOftzjta6KL9f491MgoEo67PbWE+MnZ2D3kM5aVMaeU67BMyYwg4yuqBp2be91jubmmJl6xdHX3S3ryWTvNRk2rq2t5QrN7LtYoc8U0rQvTrSFBaW+7Wk2Px/NnhSFnl47qK+vH7NbjNtwg9uoWKnnyixww+z+3UYDaH62hT92V50BnhOf7jQIaMH8+fN9b217eRvOGHCHO3hEIj2XZ4Eicyy8qNyL2z40nx7ccgc5vW/p1IpDEp337XMVh4nHYQaTDYypT7YmYfF/WfyLD+tf4HiyWO3DP/0NALoqSFMX7i9ct1UtR9qe7Nm5gaw4k1PKtYOlS+fQq0/oR08KLLDqGeE7uKC3D8//pbXxVBT1l/0AD6/GI79YQBeeVCdCxlkGbo3nk7IniCfWv8u3wNXPCTfFYrAVLyVQZWO8h2gSBPRQqrpEeNYA126/k+DC89nprDHB2VX6NzUWaLmT/AMP7T+khgdtG0XnqwfA5I7iexIBgMrQQUCtkKX07w3kcRyJP5Yl9rLZEoY8jieRn03WQFVXlYypXn62BfDOwR/jbOv3al8NZ3OV8Q3jPrjZ5Ictd5G/pqLWQZDKOhmswzHCtThGeBGBoGhncroqYA80gK+jG7EH2CvFQ38dSFkoQ/U4RniH3guAznkpQywTsjl1EQX5k8UKS+UAgDLRe4KEpsxu4arnheZoFB7DXuErmZSEAHtdYOHBnevIYSV8dRAosVaGaVdtFq7Eo+w/wE3HN+Ldg2ku3pFhjEm8gWdZ/7D9LvJ+OirqIEjHahlugxdG2PDQ8fUIhmb8p7rLMG9CUCQ8y4C/drqptR0/LYwBXm1eBx+oudyaPooOAmoFjaVNeAvp/i1QhkcTS/FXXoZnSxiDAD48mDzecicMIhCmTptkQPf/ATSJ3oe7lijSAAAAAElFTkSuQmCC" />
                                            <div class="acd-image-text-container">
                                                <div class="acd-image-new-title">NEW PREVIEW</div>
                                                <div class="acd-image-upload-title">Create from Image </div>
                                                <div id="image-description-id" class="acd-image-description">Upload your own image and convert it magically to an Adaptive card</div>
                                                <input aria-labelledby="image-description-id" class="acd-try-now-button" value="Try Now" type="button" />
                                            </div>
                                        </div>`,e}}}:null]});n.title=`Create`,n.closeButton.caption=`Cancel`,n.width=`80%`,n.height=`80%`,n.onClose=function(t){var r=e._newCardButton.renderedElement;if(n.output){try{var i=JSON.parse(n.output.cardPayload);e.setCardPayload(i,!0)}catch{alert(`The card template could not be loaded.`);return}if(n.output.sampleData)try{var a=JSON.parse(n.output.sampleData);e.setSampleDataPayload(a),e.dataStructure=w.FieldDefinition.deriveFrom(a)}catch{alert(`The card data could not be loaded.`)}else e.setSampleDataPayload({});if(n.output.sampleHostData)try{var o=JSON.parse(n.output.sampleHostData);e.setSampleHostDataPayload(o),e.hostDataStructure=w.FieldDefinition.deriveFrom(o),e._sampleHostData.widgetSize?e.updateContainerSizeChoicePicker():e.updateHostDataSizeProperty(),e._sampleHostData.hostTheme?e.updateContainerThemeChoicePicker():e.updateHostDataThemeProperty()}catch{alert(`The card host data could not be loaded.`)}else e.setSampleHostDataPayload({}),e.updateHostDataSizeProperty(),e.updateHostDataThemeProperty()}r&&r.focus()},n.open()}),this._newCardButton.separator=!0,this.toolbar.addElement(this._newCardButton),this._hostContainers&&this._hostContainers.length>0){this._hostContainerChoicePicker=new v.ToolbarChoicePicker(t.ToolbarCommands.HostAppPicker),this._hostContainerChoicePicker.separator=!0,this._hostContainerChoicePicker.label=`Select host app:`;for(var n=0;n<this._hostContainers.length;n++)this._hostContainerChoicePicker.choices.push({name:this._hostContainers[n].name,value:n.toString()});this._hostContainerChoicePicker.onChanged=function(t){e.hostContainer=e._hostContainers[parseInt(e._hostContainerChoicePicker.value)]},this.toolbar.addElement(this._hostContainerChoicePicker)}var r=this._hostContainers.some(function(e){return e.supportsMultipleThemes}),i=this._hostContainers.some(function(e){return e.supportsMultipleSizes});if(r){this._containerThemeChoicePicker=new v.ToolbarChoicePicker(t.ToolbarCommands.ContainerThemePicker),this._containerThemeChoicePicker.separator=!1,this._containerThemeChoicePicker.label=`Theme:`;for(var a=p.HostContainer.supportedContainerThemes,n=0;n<a.length;n++)this._containerThemeChoicePicker.choices.push({name:a[n],value:a[n]});this._containerThemeChoicePicker.onChanged=function(t){e.hostContainer.colorTheme=e._containerThemeChoicePicker.value,e.recreateDesignerSurface(),e._sampleHostData&&e.updateHostDataThemeProperty()},this.toolbar.addElement(this._containerThemeChoicePicker)}if(i){this._containerSizeChoicePicker=new v.ToolbarChoicePicker(t.ToolbarCommands.ContainerSizePicker),this._containerSizeChoicePicker.separator=!1,this._containerSizeChoicePicker.label=`Container size:`;for(var o=A.WidgetContainer.supportedContainerSizes,n=0;n<o.length;n++)this._containerSizeChoicePicker.choices.push({name:o[n],value:o[n]});this._containerSizeChoicePicker.onChanged=function(t){e.hostContainer instanceof A.WidgetContainer&&(e.hostContainer.containerSize=e._containerSizeChoicePicker.value,e.recreateDesignerSurface(),e._sampleHostData&&e.updateHostDataSizeProperty())},this.toolbar.addElement(this._containerSizeChoicePicker)}if(this._deviceEmulations&&this._deviceEmulations.length>0){this._deviceEmulationChoicePicker=new v.ToolbarChoicePicker(t.ToolbarCommands.DeviceEmulationPicker),this._deviceEmulationChoicePicker.separator=!0,this._deviceEmulationChoicePicker.label=`Emulate device:`;for(var n=0;n<this._deviceEmulations.length;n++)this._deviceEmulationChoicePicker.choices.push({name:this._deviceEmulations[n].name,value:n.toString()});this._deviceEmulationChoicePicker.onChanged=function(t){e.deviceEmulation=e._deviceEmulations[parseInt(e._deviceEmulationChoicePicker.value)]},this.toolbar.addElement(this._deviceEmulationChoicePicker)}this._undoButton=new v.ToolbarButton(t.ToolbarCommands.Undo,`Undo`,`acd-icon-undo`,function(t){e.undo()}),this._undoButton.separator=!0,this._undoButton.toolTip=`Undo your last change`,this._undoButton.isEnabled=!1,this.toolbar.addElement(this._undoButton),this._redoButton=new v.ToolbarButton(t.ToolbarCommands.Redo,`Redo`,`acd-icon-redo`,function(t){e.redo()}),this._redoButton.toolTip=`Redo your last changes`,this._redoButton.isEnabled=!1,this.toolbar.addElement(this._redoButton),this._copyJSONButton=new v.ToolbarButton(t.ToolbarCommands.CopyJSON,`Copy card payload`,`acd-icon-copy`),this._copyJSONButton.toolTip=`Copy the generated JSON payload of the card (template bound with data) to the clipboard. To copy only the template payload, use the Card Payload Editor.`,this.toolbar.addElement(this._copyJSONButton),this._togglePreviewButton=new v.ToolbarButton(t.ToolbarCommands.TogglePreview,`Preview mode`,`acd-icon-preview`,function(t){e.togglePreview()}),this._togglePreviewButton.separator=!0,this._togglePreviewButton.allowToggle=!0,this._togglePreviewButton.isVisible=D.GlobalSettings.enableDataBindingSupport,this._togglePreviewButton.toolTip=`Switch to Preview mode`,this.toolbar.addElement(this._togglePreviewButton),this._helpButton=new v.ToolbarButton(t.ToolbarCommands.Help,`Help`,`acd-icon-help`,function(t){e.showHelp()}),this._helpButton.toolTip=`Display help.`,this._helpButton.separator=!0,this._helpButton.alignment=v.ToolbarElementAlignment.Right,this.toolbar.addElement(this._helpButton),this._fullScreenHandler=new _.FullScreenHandler,this._fullScreenHandler.onFullScreenChanged=function(t){e._fullScreenButton.toolTip=t?`Exit full screen`:`Enter full screen`,e.updateFullLayout()}},t.prototype.launchJsonSchemaPopup=function(){var e=this,t=new d.OpenJsonSchemaDialog;t.title=`Create from JSON Schema`,t.closeButton.caption=`Cancel`,t.preventLightDismissal=!0,t.width=`80%`,t.height=`80%`,t.open(),t.submitButton.onClick=function(){if(t.close(),t.output){try{var n=JSON.parse(t.output.cardPayload);e.setCardPayload(n,!0)}catch{alert(`The card template could not be loaded.`);return}if(t.output.sampleData)try{var r=JSON.parse(t.output.sampleData);e.setSampleDataPayload(r),e.dataStructure=w.FieldDefinition.deriveFrom(r)}catch{alert(`The card data could not be loaded.`)}else e.setSampleDataPayload({});if(t.output.sampleHostData)try{var i=JSON.parse(t.output.sampleData);e.setSampleHostDataPayload(i),e.hostDataStructure=w.FieldDefinition.deriveFrom(i),e._sampleHostData.widgetSize?e.updateContainerSizeChoicePicker():e.updateHostDataSizeProperty(),e._sampleHostData.hostTheme?e.updateContainerThemeChoicePicker():e.updateHostDataThemeProperty()}catch{alert(`The card host data could not be loaded.`)}else e.setSampleHostDataPayload({}),e.updateHostDataSizeProperty(),e.updateHostDataThemeProperty()}var a=e._newCardButton.renderedElement;a&&a.focus()},t.onClose=function(t){var n=e._newCardButton.renderedElement;n&&n.focus()}},t.prototype.launchImagePopup=function(){var e=this,t=new g.OpenImageDialog;t.title=`Pic2card Dialog for Image Upload`,t.closeButton.caption=`Cancel`,t.preventLightDismissal=!0,t.width=`80%`,t.height=`80%`,t.open(),t.onClose=function(n){var r=e._newCardButton.renderedElement;if(t.predictedCardJSON){var i=t.predictedCardJSON,a=i.card,o=i.data;e.setCardPayload(a,!0),e.setSampleDataPayload(o);var s=document.createElement(`span`);s.id=`pic2cardLoadNotification`,s.setAttribute(`role`,`status`),s.setAttribute(`aria-label`,`Pic2Card generated Adaptive Card loaded`),r.parentElement.appendChild(s),setTimeout(function(){r.parentElement.removeChild(s)},500)}r&&r.focus()}},t.prototype.onResize=function(){this._cardEditor.layout(),this._sampleDataEditor&&this._sampleDataEditor.layout(),this._sampleHostDataEditor&&this._sampleHostDataEditor.layout()},t.prototype.updateSampleData=function(){try{this._sampleData=JSON.parse(this.getCurrentSampleDataEditorPayload()),this.scheduleUpdateCardFromJson()}catch{}},t.prototype.updateSampleHostData=function(){try{this._sampleHostData=JSON.parse(this.getCurrentSampleHostDataEditorPayload()),this.updateContainerSizeChoicePicker(),this.updateContainerThemeChoicePicker(),this.scheduleUpdateCardFromJson()}catch{}},t.prototype.updateHostDataSizeProperty=function(){if(this._containerSizeChoicePicker?.value){var e=this._containerSizeChoicePicker.value.toLowerCase();this._sampleHostData.widgetSize!==e&&(this._sampleHostData.widgetSize=e,this.setSampleHostDataPayload(this._sampleHostData),this.hostDataStructure=w.FieldDefinition.deriveFrom(this._sampleHostData))}},t.prototype.updateHostDataThemeProperty=function(){if(this._containerThemeChoicePicker?.value){var e=this._containerThemeChoicePicker.value.toLowerCase();this._sampleHostData.hostTheme!==e&&(this._sampleHostData.hostTheme=e,this.setSampleHostDataPayload(this._sampleHostData),this.hostDataStructure=w.FieldDefinition.deriveFrom(this._sampleHostData))}},t.prototype.updateContainerSizeChoicePicker=function(){if(this._containerSizeChoicePicker&&this._sampleHostData.widgetSize){var e=this._sampleHostData.widgetSize;if(e!==this._containerSizeChoicePicker.value.toLowerCase()){for(var t=this._containerSizeChoicePicker.choices,n=0;n<t.length;n++)if(t.at(n).value.toLowerCase()===e.toLowerCase()){this._containerSizeChoicePicker.selectedIndex=n;break}}}},t.prototype.updateContainerThemeChoicePicker=function(){if(this._containerThemeChoicePicker&&this._sampleHostData.hostTheme){var e=this._sampleHostData.hostTheme;if(e!==this._containerThemeChoicePicker.value.toLowerCase()){for(var t=this._containerThemeChoicePicker.choices,n=0;n<t.length;n++)if(t.at(n).value.toLowerCase()===e.toLowerCase()){this._containerThemeChoicePicker.selectedIndex=n;break}}}},t.prototype.updateToolbar=function(){this._undoButton.isEnabled=this.canUndo,this._redoButton.isEnabled=this.canRedo},t.prototype.addToUndoStack=function(e){var n=!this._designerSurface.draggedPeer;if(n&&(this._undoStack.length>0&&(n=this._undoStack[this._undoStack.length-1]!=e),n)){var r=this._undoStack.length-(this._undoStackIndex+1);r>0&&this._undoStack.splice(this._undoStackIndex+1,r),this._undoStack.push(e),this._undoStack.length>t.MAX_UNDO_STACK_SIZE&&this._undoStack.splice(0,1),this._undoStackIndex=this._undoStack.length-1,this.updateToolbar()}},t.prototype.handlePointerUp=function(e){this.endDrag(),this.designerSurface&&this.designerSurface.endDrag(!1)},t.prototype.handlePointerMove=function(e){if(this._currentMousePosition={x:e.x,y:e.y},this.designerSurface){var t=this.designerSurface.isPointerOver(this._currentMousePosition.x,this._currentMousePosition.y),n=!1;if(this._draggedPaletteItem&&t){var r=this._draggedPaletteItem.createPeer(this,this.designerSurface),i=this.designerSurface.pageToClientCoordinates(this._currentMousePosition.x,this._currentMousePosition.y);this.designerSurface.tryDrop(i,r)&&(this.endDrag(),this.designerSurface.startDrag(r),n=!0)}if(!n&&this._draggedElement){var a=y.Utils.adjustPointForScroll(this._currentMousePosition);this._draggedElement.style.left=a.x-10+`px`,this._draggedElement.style.top=a.y-10+`px`}}},t.prototype.monacoModuleLoaded=function(e){var t=this;e===void 0&&(e=null),e||=window.monaco;var n={schemas:[{uri:`http://adaptivecards.io/schemas/adaptive-card.json`,schema:h.adaptiveCardSchema,fileMatch:[`*`]}],validate:!0,allowComments:!0};e.languages.json.jsonDefaults.setDiagnosticsOptions(n),this._cardEditorToolbox.content=document.createElement(`div`),this._cardEditorToolbox.content.setAttribute(`role`,`region`),this._cardEditorToolbox.content.setAttribute(`aria-label`,`card payload editor, press Ctrl+M to toggle behavior of the TAB key`),this._cardEditorToolbox.content.classList.add(`acd-code-editor`),this._cardEditor=e.editor.create(this._cardEditorToolbox.content,{folding:!0,fontSize:13.5,language:`json`,minimap:{enabled:!0}}),this._cardEditor.onDidChangeModelContent(function(){t._cardEditorUpdateCounter==0&&t.scheduleUpdateCardFromJson()}),this._sampleDataEditorToolbox&&(this._sampleDataEditorToolbox.content=document.createElement(`div`),this._sampleDataEditorToolbox.content.setAttribute(`role`,`region`),this._sampleDataEditorToolbox.content.setAttribute(`aria-label`,`sample data editor`),this._sampleDataEditorToolbox.content.classList.add(`acd-code-editor`),this._sampleDataEditor=e.editor.create(this._sampleDataEditorToolbox.content,{folding:!0,fontSize:13.5,language:`json`,minimap:{enabled:!1}}),this._sampleDataEditor.onDidChangeModelContent(function(){if(t.updateSampleData(),!t.lockDataStructure)try{t.dataStructure=w.FieldDefinition.deriveFrom(JSON.parse(t.getCurrentSampleDataEditorPayload()))}catch{}})),this._sampleHostDataEditorToolbox&&(this._sampleHostDataEditorToolbox.content=document.createElement(`div`),this._sampleHostDataEditorToolbox.content.setAttribute(`role`,`region`),this._sampleHostDataEditorToolbox.content.setAttribute(`aria-label`,`sample host data editor`),this._sampleHostDataEditorToolbox.content.classList.add(`acd-code-editor`),this._sampleHostDataEditor=e.editor.create(this._sampleHostDataEditorToolbox.content,{folding:!0,fontSize:13.5,language:`json`,minimap:{enabled:!1}}),this._sampleHostDataEditor.onDidChangeModelContent(function(){if(t.updateSampleHostData(),!t.lockDataStructure)try{t.hostDataStructure=w.FieldDefinition.deriveFrom(JSON.parse(t.getCurrentSampleHostDataEditorPayload()))}catch{}})),window.addEventListener(`resize`,function(){t.onResize()}),this._isMonacoEditorLoaded=!0,this.updateJsonEditorsLayout(),this.updateJsonFromCard(!0)},t.prototype.attachTo=function(e){var t=this,n=document.createElement(`link`);n.id=`__ac-designer`,n.rel=`stylesheet`,n.type=`text/css`,n.href=y.Utils.joinPaths(this._assetPath,`adaptivecards-designer.css`),document.getElementsByTagName(`head`)[0].appendChild(n),this._hostContainer=this._hostContainers&&this._hostContainers.length>0?this._hostContainers[0]:new x.DefaultContainer(`Default`,`adaptivecards-defaulthost.css`),this._deviceEmulationChoicePicker&&(this._deviceEmulationChoicePicker.isHidden=!this._hostContainer.enableDeviceEmulation),this._containerSizeChoicePicker&&(this._containerSizeChoicePicker.isHidden=!this.hostContainer.supportsMultipleSizes),this._containerThemeChoicePicker&&(this._containerThemeChoicePicker.isEnabled=!!this.hostContainer.supportsMultipleThemes),e.classList.add(`acd-designer-root`),e.style.flex=`1 1 auto`,e.style.display=`flex`,e.style.flexDirection=`column`,e.style.overflow=`hidden`,e.innerHTML=`<div id="toolbarHost" role="region" aria-label="toolbar"></div><div class="content"><div id="leftCollapsedPaneTabHost" class="acd-verticalCollapsedTabContainer acd-dockedLeft"></div><div id="toolPalettePanel" class="acd-toolPalette-pane" role="region" aria-label="card elements"></div><div class="acd-previewRightAndBottomDocks"><div class="acd-previewAndBottomDocks"><div class="acd-designer-card-header">CARD PREVIEW</div><div id="cardArea" class="acd-designer-cardArea" role="region" aria-label="card preview"><div style="flex: 1 1 100%; overflow: auto;"><div id="designerHost" class="acd-designer-host"></div></div><div id="errorPane" class="acd-error-pane acd-hidden"></div></div><div id="treeViewPanel" class="acd-treeView-pane" role="region" aria-label="card structure"></div><div id="propertySheetPanel" class="acd-propertySheet-pane" role="region" aria-label="element properties"></div></div><div id="jsonEditorPanel" class="acd-json-editor-pane"></div><div id="bottomCollapsedPaneTabHost" class="acd-horizontalCollapsedTabContainer"></div></div><div id="rightCollapsedPaneTabHost" class="acd-verticalCollapsedTabContainer acd-dockedRight"></div></div>`,this.toolbar.attachTo(document.getElementById(`toolbarHost`)),this._versionChoicePicker&&(this._versionChoicePicker.selectedIndex=D.GlobalSettings.supportedTargetVersions.indexOf(this.targetVersion),this._versionChoicePicker.onChanged=function(e){t.targetVersion=D.GlobalSettings.supportedTargetVersions[parseInt(t._versionChoicePicker.value)]}),this._copyJSONButton.isVisible&&new i(this._copyJSONButton.renderedElement,{text:function(e){return JSON.stringify(t.getBoundCard(),null,4)}}).on(`error`,function(){return t._copyJSONButton.renderedElement.focus()}).on(`success`,function(){t._copyJSONButton.renderedElement.focus(),t.toolbar.addAlert(`Card payload copied`)});var r=document.createElement(`div`);r.className=`acd-dockedPane`,this._toolPaletteToolbox=new C.Toolbox(`toolPalette`,E.Strings.toolboxes.toolPalette.title),this._toolPaletteToolbox.content=r;var a=new S.SidePanel(`toolPalettePanel`,S.SidePanelAlignment.Left,document.getElementById(`leftCollapsedPaneTabHost`));a.addToolbox(this._toolPaletteToolbox),a.isResizable=!1,a.attachTo(document.getElementById(`toolPalettePanel`)),this._cardEditorToolbox=new C.Toolbox(`cardEditor`,E.Strings.toolboxes.cardEditor.title),this._cardEditorToolbox.content=document.createElement(`div`),this._cardEditorToolbox.content.style.padding=`8px`,this._cardEditorToolbox.content.innerText=E.Strings.loadingEditor,this._jsonEditorsPanel=new S.SidePanel(`jsonEditorPanel`,S.SidePanelAlignment.Bottom,document.getElementById(`bottomCollapsedPaneTabHost`)),this._jsonEditorsPanel.onResized=function(e){t.updateJsonEditorsLayout()},this._jsonEditorsPanel.onToolboxResized=function(e){t.updateJsonEditorsLayout()},this._jsonEditorsPanel.onToolboxExpandedOrCollapsed=function(e){t.updateJsonEditorsLayout()},this._jsonEditorsPanel.addToolbox(this._cardEditorToolbox),D.GlobalSettings.enableDataBindingSupport&&D.GlobalSettings.showSampleDataEditorToolbox&&(this._sampleDataEditorToolbox=new C.Toolbox(`sampleDataEditor`,E.Strings.toolboxes.sampleDataEditor.title),this._sampleDataEditorToolbox.content=document.createElement(`div`),this._sampleDataEditorToolbox.content.style.padding=`8px`,this._sampleDataEditorToolbox.content.innerText=E.Strings.loadingEditor,this._jsonEditorsPanel.addToolbox(this._sampleDataEditorToolbox)),D.GlobalSettings.enableDataBindingSupport&&(this._sampleHostDataEditorToolbox=new C.Toolbox(`sampleHostDataEditor`,E.Strings.toolboxes.sampleHostDataEditor.title),this._sampleHostDataEditorToolbox.content=document.createElement(`div`),this._sampleHostDataEditorToolbox.content.style.padding=`8px`,this._sampleHostDataEditorToolbox.content.innerText=E.Strings.loadingEditor,this._sampleHostDataEditorToolbox.isVisible=D.GlobalSettings.showSampleHostDataEditorToolbox&&this._hostContainer instanceof A.WidgetContainer,this._jsonEditorsPanel.addToolbox(this._sampleHostDataEditorToolbox)),this._jsonEditorsPanel.attachTo(document.getElementById(`jsonEditorPanel`));var o=document.createElement(`div`);o.className=`acd-propertySheet-host`,this._propertySheetToolbox=new C.Toolbox(`propertySheet`,E.Strings.toolboxes.propertySheet.title),this._propertySheetToolbox.content=o;var s=new S.SidePanel(`propertySheetPanel`,S.SidePanelAlignment.Right,document.getElementById(`rightCollapsedPaneTabHost`));s.addToolbox(this._propertySheetToolbox),s.onResized=function(e){t.scheduleLayoutUpdate()},s.attachTo(document.getElementById(`propertySheetPanel`));var c=document.createElement(`div`);c.className=`acd-treeView-host`,this._treeViewToolbox=new C.Toolbox(`treeView`,E.Strings.toolboxes.cardStructure.title),this._treeViewToolbox.content=c;var l=new S.SidePanel(`treeViewPanel`,S.SidePanelAlignment.Right,document.getElementById(`rightCollapsedPaneTabHost`));if(l.addToolbox(this._treeViewToolbox),l.onResized=function(e){t.scheduleLayoutUpdate()},D.GlobalSettings.enableDataBindingSupport&&D.GlobalSettings.showDataStructureToolbox){var u=document.createElement(`div`);u.className=`acd-treeView-host`,this._dataToolbox=new C.Toolbox(`data`,E.Strings.toolboxes.dataStructure.title),this._dataToolbox.content=u,l.addToolbox(this._dataToolbox)}l.attachTo(document.getElementById(`treeViewPanel`)),this._designerHostElement=document.getElementById(`designerHost`),window.addEventListener(`pointermove`,function(e){t.handlePointerMove(e)}),window.addEventListener(`resize`,function(){t.scheduleLayoutUpdate()}),window.addEventListener(`pointerup`,function(e){t.handlePointerUp(e)}),this._isAttached=!0,this.recreateDesignerSurface()},t.prototype.createAndAddSampleHostDataEditorToolbox=function(){this._sampleHostDataEditorToolbox=new C.Toolbox(`sampleHostDataEditor`,E.Strings.toolboxes.sampleHostDataEditor.title),this._sampleHostDataEditorToolbox.content=document.createElement(`div`),this._sampleHostDataEditorToolbox.content.style.padding=`8px`,this._sampleHostDataEditorToolbox.content.innerText=E.Strings.loadingEditor,this._jsonEditorsPanel.addToolbox(this._sampleHostDataEditorToolbox)},t.prototype.clearUndoStack=function(){this._undoStack=[],this._undoStackIndex=-1,this.updateToolbar()},t.prototype.setCard=function(e){this.clearUndoStack(),this.setCardPayload(e,!0)},t.prototype.getCard=function(){return this._designerSurface?this._designerSurface.getCardPayloadAsObject():void 0},t.prototype.getBoundCard=function(){return this._designerSurface?this._designerSurface.getBoundCardPayloadAsObject():void 0},t.prototype.undo=function(){if(this.canUndo){this._undoStackIndex--;var e=this._undoStack[this._undoStackIndex];this.setCardPayload(e,!1),this.updateToolbar()}},t.prototype.redo=function(){if(this._undoStackIndex<this._undoStack.length-1){this._undoStackIndex++;var e=this._undoStack[this._undoStackIndex];this.setCardPayload(e,!1),this.updateToolbar()}},t.prototype.showHelp=function(){var e=new ee.HelpDialog;e.title=`Help`,e.open()},t.prototype.newCard=function(){var e={type:`AdaptiveCard`,$schema:`http://adaptivecards.io/schemas/adaptive-card.json`,version:this.targetVersion.toString(),body:[]};this.setCardPayload(e,!0)},Object.defineProperty(t.prototype,"targetVersion",{get:function(){return this._targetVersion},set:function(e){if(this._targetVersion.compareTo(e)!==0&&!this._preventRecursiveSetTargetVersion){this._preventRecursiveSetTargetVersion=!0;try{this._targetVersion=e,this.targetVersionChanged(),this._versionChoicePicker&&(this._versionChoicePicker.selectedIndex=D.GlobalSettings.supportedTargetVersions.indexOf(this._targetVersion))}finally{this._preventRecursiveSetTargetVersion=!1}}},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"dataStructure",{get:function(){return this._dataStructure},set:function(e){this._dataStructure=e,this.buildDataExplorer()},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"hostDataStructure",{get:function(){return this._hostDataStructure},set:function(e){this._hostDataStructure=e},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"sampleData",{get:function(){return this._sampleData},set:function(e){this._sampleData=e,this.setSampleDataPayload(e)},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"sampleHostData",{get:function(){return this._sampleHostDataEditorToolbox.isVisible?this._sampleHostData:`{}`},set:function(e){this._sampleHostData=e,this.setSampleHostDataPayload(e)},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"bindingPreviewMode",{get:function(){return this._bindingPreviewMode},set:function(e){this._bindingPreviewMode=e},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"hostContainer",{get:function(){return this._hostContainer},set:function(e){this._hostContainer!==e&&(this._hostContainer=e,this.activeHostContainerChanged(),D.GlobalSettings.selectedHostContainerControlsTargetVersion&&(this.targetVersion=this._hostContainer.targetVersion))},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"deviceEmulation",{get:function(){return this._deviceEmulation},set:function(e){this._deviceEmulation!==e&&(this._deviceEmulation=e,this.activeDeviceEmulationChanged(),this._designerSurface.updateLayout(!0))},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"canUndo",{get:function(){return this._undoStackIndex>=1},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"canRedo",{get:function(){return this._undoStackIndex<this._undoStack.length-1},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"designerSurface",{get:function(){return this._designerSurface},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"treeViewToolbox",{get:function(){return this._treeViewToolbox},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"propertySheetToolbox",{get:function(){return this._propertySheetToolbox},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"jsonEditorToolbox",{get:function(){return this._cardEditorToolbox},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"toolPaletteToolbox",{get:function(){return this._toolPaletteToolbox},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"dataToolbox",{get:function(){return this._dataToolbox},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"assetPath",{get:function(){return this._assetPath},set:function(e){this._assetPath=e},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"customPaletteItems",{get:function(){return this._customPeletteItems},set:function(e){this._customPeletteItems=e,this.buildPalette()},enumerable:!1,configurable:!0}),Object.defineProperty(t.prototype,"sampleCatalogueUrl",{get:function(){return this._sampleCatalogue.url},set:function(e){this._sampleCatalogue.url=e},enumerable:!1,configurable:!0}),t.onProcessMarkdown=null,t.MAX_UNDO_STACK_SIZE=50,t}(c.DesignContext);e.CardDesigner=M,(function(e){e.ToolbarCommands=function(){function e(){}return e.HostAppPicker=`__hostAppPicker`,e.DeviceEmulationPicker=`__deviceEmulationPicker`,e.VersionPicker=`__versionPicker`,e.Undo=`__undoButton`,e.Redo=`__redoButton`,e.NewCard=`__newCardButton`,e.CopyJSON=`__copyJsonButton`,e.TogglePreview=`__togglePreviewButton`,e.Help=`__helpButton`,e.ContainerSizePicker=`__containerSizePicker`,e.ContainerThemePicker=`__containerThemePicker`,e}()})(M=e.CardDesigner||={}),e.CardDesigner=M})),Ji=e(((e,t,n)=>{var r=n&&n.__createBinding||(Object.create?(function(e,t,n,r){r===void 0&&(r=n),Object.defineProperty(e,r,{enumerable:!0,get:function(){return t[n]}})}):(function(e,t,n,r){r===void 0&&(r=n),e[r]=t[n]})),i=n&&n.__exportStar||function(e,t){for(var n in e)n!=="default"&&!Object.prototype.hasOwnProperty.call(t,n)&&r(t,e,n)};Object.defineProperty(e,"__esModule",{value:!0}),i(ri(),e),i(ii(),e),i(j(),e),i(N(),e),i(yi(),e),i(Di(),e),i(qi(),e),i(ki(),e),i(gi(),e),i(Ei(),e),i(xi(),e),i(bi(),e),i(Bi(),e),i(Hi(),e),i(Vi(),e),i(Li(),e),i(Ri(),e),i(zi(),e),i(hi(),e),i(_i(),e),i(Si(),e),i(Ui(),e),i(Gi(),e),i(j(),e),i(N(),e),i(Ai(),e)})),Yi=l(ki(),1),$=Ji(),Xi=`.ms-ctrl-overlay {
    position: absolute;
    left: 0;
    top: 0;
    z-index: 10000;
}

@keyframes fadeIn {
    0% {
        opacity: 0;
    }
}

@keyframes slideTopToBottom {
    0% {
        transform: translate(0, -20px);
    }
}

@keyframes slideBottomToTop {
    0% {
        transform: translate(0, 20px);
    }
}

@keyframes slideLeftToRight {
    0% {
        transform: translate(-20px, 0);
    }
}

@keyframes slideRightToLeft {
    0% {
        transform: translate(20px, 0);
    }
}

.ms-ctrl-slide {
    animation-duration: 0.5s;
    animation-timing-function: cubic-bezier(0.1, 0.9, 0.2, 1);
}

.ms-ctrl-slide.ms-ctrl-slideTopToBottom {
    animation-name: fadeIn, slideTopToBottom;
}

.ms-ctrl-slide.ms-ctrl-slideBottomToTop {
    animation-name: fadeIn, slideBottomToTop;
}

.ms-ctrl-slide.ms-ctrl-slideLeftToRight {
    animation-name: fadeIn, slideLeftToRight;
}

.ms-ctrl-slide.ms-ctrl-slideRightToLeft {
    animation-name: fadeIn, slideRightToLeft;
}

@font-face {
    font-family: 'FabricMDL2Icons';
    src: url("https://static2.sharepointonline.com/files/fabric/assets/icons/fabricmdl2icons.woff2?2.21") format("woff2"), url("https://static2.sharepointonline.com/files/fabric/assets/icons/fabricmdl2icons.woff?2.21") format("woff"), url("https://static2.sharepointonline.com/files/fabric/assets/icons/fabricmdl2icons.ttf?2.21") format("truetype");
    font-weight: normal;
    font-style: normal;
}

.ms-icon {
    -moz-osx-font-smoothing: grayscale;
    -webkit-font-smoothing: antialiased;
    display: inline-block;
    font-family: 'FabricMDL2Icons';
    font-style: normal;
    font-weight: normal;
}

.ms-icon-close::before {
    content: '\\E8BB';
}

.ms-icon-chevronDown::before {
    content: '\\E70D';
}

.ms-icon-chevronLeft::before {
    content: "\\E76B";
}

.ms-icon-chevronRight::before {
    content: "\\E76C";
}

.ms-icon-calendar::before {
    content: "\\E787";
}

.ms-icon-radioOff::before {
    content: "\\ECCA";
}

.ms-icon-radioOn::before {
    content: "\\ECCB";
}

.ms-icon-checkboxOff::before {
    content: "\\E739";
}

.ms-icon-checkboxOn::before {
    content: "\\E73A";
}

.ms-icon-checkboxOn-reversed::before {
    content: "\\E73D";
}

.ms-icon-checkMark::before {
    content: "\\E73E";
}

.ms-ctrl {
    box-sizing: border-box;
    font-family: 'Segoe UI', Tahoma, Geneva, Verdana, sans-serif;
    font-size: 14px;
    font-weight: normal;
}

.ms-ctrl-dropdown {
    border: 1px solid #EEEEEE;
    background-color: white;
    height: 32px;
    display: flex;
    padding-left: 12px;
    padding-right: 12px;
    cursor: pointer;
}

.ms-ctrl-dropdown:hover {
    border: 1px solid #0072CC;
}

@media (forced-colors: none) {
    .ms-ctrl-dropdown:focus {
        border: 1px solid #0072CC;
        outline: 0;
    }
}

.ms-dropdown-label {
    line-height: 30px;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
    height: 100%;
    width: 100%;
    color: #333333;
    flex: 1 1 100%;
    padding-right: 12px;
}

.ms-dropdown-label.placeholder {
    color: gray;
}

.ms-ctrl-dropdown-button {
    line-height: 32px;
    flex: 0 0 auto;
}

.ms-ctrl-dropdown-button:hover {
    color: #0072CC;
}

.ms-ctrl-dropdown-item {
    width: 100%;
    text-overflow: ellipsis;
    overflow: hidden;
    white-space: nowrap;
    display: block;
    padding: 0px 12px 0px 12px;
    line-height: 30px;
    cursor: pointer;
}

.ms-ctrl-dropdown-item:hover {
    background-color: #EEEEEE;
}

@media (forced-colors: none) {
    .ms-ctrl-dropdown-item:focus {
        outline: 0;
        background-color: #CCCCCC;
    }
}

.ms-ctrl-popup-container {
    border: 1px solid #EEEEEE;
    background-color: white;
    position: absolute;
    box-shadow: 0 0 15px -5px rgba(0, 0, 0, 0.4);
    overflow-y: auto;
}

.ms-ctrl-popup-container:focus {
    outline: 0;
}

.ms-ctrl-calendar {
    display: inline-block;
}

.ms-ctrl-calendarHeader {
    font-size: 18px;
    color: gray;
    padding-left: 4px;
    line-height: 34px;
}

.ms-ctrl-calendarNavButton {
    text-align: center;
    line-height: 34px;
    width: 30px;
    cursor: pointer;
}

.ms-ctrl-calendarNavButton:hover {
    background-color: #EEEEEE;
}

.ms-ctrl-calendarDayHeader {
    font-size: 12px;
    text-align: center;
    padding: 6px 8px 6px 8px;
    color: #333333;
}

.ms-ctrl-calendarDay {
    font-size: 12px;
    text-align: center;
    padding: 6px 8px 6px 8px;
    color: #333333;
    cursor: pointer;
}

.ms-ctrl-calendarDay:hover {
    background-color: #EEEEEE;
}

.ms-ctrl-calendarDay.subdued {
    color: gray;
}

.ms-ctrl-calendarDay.selected {
    color: white;
    background-color: #0072CC;
}

.ms-calendarPopup {
    padding: 6px;
    overflow: hidden;
}

.ms-ctrl-datePicker {
    border: 1px solid #EEEEEE;
    height: 32px;
    display: flex;
    padding-left: 12px;
    padding-right: 12px;
    cursor: pointer;
}

.ms-ctrl-datePicker:hover {
    border: 1px solid #0072CC;
}

.ms-ctrl-datePicker:focus {
    border: 1px solid #0072CC;
    outline: 0;
}

.ms-ctrl-checkbox {
    outline: 0;
    cursor: pointer;
}

.ms-ctrl-checkbox input[type=checkbox] {
    visibility: hidden;
}

.ms-ctrl-checkbox label {
    display: inline-block;
    box-sizing: border-box;
    position: relative;
}

.ms-ctrl-checkbox label span {
    margin-left: 24px;
    line-height: 18px;
    color: #333333;
    display: inline-block;
}

.ms-ctrl-checkbox label span:hover {
    color: black;
}

.ms-ctrl-checkbox label::before {
    box-sizing: border-box;
    display: inline-block;
    position: absolute;
    border: 1px solid #A6A6A6;
    content: "";
    width: 18px;
    height: 18px;
    transition-property: background, border, border-color;
    transition-duration: .2s;
    transition-timing-function: cubic-bezier(0.4, 0, 0.23, 1);
}

.ms-ctrl-checkbox label:hover::before {
    border: 1px solid #767676;
}

.ms-ctrl-checkbox input[type=checkbox]:checked+label::before {
    content: "";
    border: 1px solid #0072CC;
    background-color: #0072CC;
}

.ms-ctrl-checkbox input[type=checkbox]:checked+label::after {
    -moz-osx-font-smoothing: grayscale;
    -webkit-font-smoothing: antialiased;
    font-family: 'FabricMDL2Icons';
    font-style: normal;
    font-weight: bold;
    content: "\\E73E";
    color: white;
    position: absolute;
    width: 18px;
    line-height: 18px;
    left: 0;
    top: 0;
    text-align: center;
    transition-property: background, border, border-color;
    transition-duration: .2s;
    transition-timing-function: cubic-bezier(0.4, 0, 0.23, 1);
}

.ms-ctrl-radiobutton {
    outline: 0;
    cursor: pointer;
}

.ms-ctrl-radiobutton input[type=radio] {
    visibility: hidden;
}

.ms-ctrl-radiobutton label {
    display: inline-block;
    box-sizing: border-box;
    position: relative;
}

.ms-ctrl-radiobutton label span {
    margin-left: 22px;
    line-height: 16px;
    color: #333333;
    display: inline-block;
    vertical-align: top;
}

.ms-ctrl-radiobutton label span:hover {
    color: black;
}

.ms-ctrl-radiobutton label::before {
    content: "";
    box-sizing: border-box;
    display: inline-block;
    position: absolute;
    border: 1px solid #A6A6A6;
    width: 16px;
    height: 16px;
    border-radius: 50%;
}

.ms-ctrl-radiobutton label:hover::before {
    border: 1px solid #767676;
}

.ms-ctrl-radiobutton input[type=radio]:checked+label::before {
    border: 1px solid #0072CC;
}

.ms-ctrl-radiobutton input[type=radio]+label::after {
    content: "";
    box-sizing: border-box;
    display: inline-block;
    position: absolute;
    top: 8px;
    left: 8px;
    width: 0;
    height: 0;
}

.ms-ctrl-radiobutton input[type=radio]:checked+label::after {
    top: 4px;
    left: 4px;
    width: 8px;
    height: 8px;
    background-color: #0072CC;
    border-radius: 50%;
    transition-property: top, left, right, width, height;
    transition-duration: 150ms;
    transition-timing-function: cubic-bezier(0.4, 0, 0.23, 1);
}

.ms-ctrl-textbox {
    border: 1px solid #EEEEEE;
    color: #333333;
    outline: 0;
    resize: none;
    padding: 4px 8px;
}

.ms-ctrl-textbox-multiline {
    overflow: auto;
}

.ms-ctrl-textbox:-moz-placeholder {
    color: gray;
}

.ms-ctrl-textbox::-moz-placeholder {
    color: gray;
}

.ms-ctrl-textbox:-ms-input-placeholder {
    color: gray;
}

.ms-ctrl-textbox::-ms-input-placeholder {
    color: gray;
}

.ms-ctrl-textbox::-webkit-input-placeholder {
    color: gray;
}

.ms-ctrl-textbox:hover {
    border: 1px solid #0072CC;
}

.ms-ctrl-textbox:focus, .ms-ctrl-textbox:active {
    border: 1px solid #0072CC;
}

/**
 * Swiper 8.3.0
 * Most modern mobile touch slider and framework with hardware accelerated transitions
 * https://swiperjs.com
 *
 * Copyright 2014-2022 Vladimir Kharlampidi
 *
 * Released under the MIT License
 *
 * Released on: July 6, 2022
 */
@font-face {
  font-family: "swiper-icons";
  src: url("data:application/font-woff;charset=utf-8;base64, d09GRgABAAAAAAZgABAAAAAADAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAABGRlRNAAAGRAAAABoAAAAci6qHkUdERUYAAAWgAAAAIwAAACQAYABXR1BPUwAABhQAAAAuAAAANuAY7+xHU1VCAAAFxAAAAFAAAABm2fPczU9TLzIAAAHcAAAASgAAAGBP9V5RY21hcAAAAkQAAACIAAABYt6F0cBjdnQgAAACzAAAAAQAAAAEABEBRGdhc3AAAAWYAAAACAAAAAj//wADZ2x5ZgAAAywAAADMAAAD2MHtryVoZWFkAAABbAAAADAAAAA2E2+eoWhoZWEAAAGcAAAAHwAAACQC9gDzaG10eAAAAigAAAAZAAAArgJkABFsb2NhAAAC0AAAAFoAAABaFQAUGG1heHAAAAG8AAAAHwAAACAAcABAbmFtZQAAA/gAAAE5AAACXvFdBwlwb3N0AAAFNAAAAGIAAACE5s74hXjaY2BkYGAAYpf5Hu/j+W2+MnAzMYDAzaX6QjD6/4//Bxj5GA8AuRwMYGkAPywL13jaY2BkYGA88P8Agx4j+/8fQDYfA1AEBWgDAIB2BOoAeNpjYGRgYNBh4GdgYgABEMnIABJzYNADCQAACWgAsQB42mNgYfzCOIGBlYGB0YcxjYGBwR1Kf2WQZGhhYGBiYGVmgAFGBiQQkOaawtDAoMBQxXjg/wEGPcYDDA4wNUA2CCgwsAAAO4EL6gAAeNpj2M0gyAACqxgGNWBkZ2D4/wMA+xkDdgAAAHjaY2BgYGaAYBkGRgYQiAHyGMF8FgYHIM3DwMHABGQrMOgyWDLEM1T9/w8UBfEMgLzE////P/5//f/V/xv+r4eaAAeMbAxwIUYmIMHEgKYAYjUcsDAwsLKxc3BycfPw8jEQA/gZBASFhEVExcQlJKWkZWTl5BUUlZRVVNXUNTQZBgMAAMR+E+gAEQFEAAAAKgAqACoANAA+AEgAUgBcAGYAcAB6AIQAjgCYAKIArAC2AMAAygDUAN4A6ADyAPwBBgEQARoBJAEuATgBQgFMAVYBYAFqAXQBfgGIAZIBnAGmAbIBzgHsAAB42u2NMQ6CUAyGW568x9AneYYgm4MJbhKFaExIOAVX8ApewSt4Bic4AfeAid3VOBixDxfPYEza5O+Xfi04YADggiUIULCuEJK8VhO4bSvpdnktHI5QCYtdi2sl8ZnXaHlqUrNKzdKcT8cjlq+rwZSvIVczNiezsfnP/uznmfPFBNODM2K7MTQ45YEAZqGP81AmGGcF3iPqOop0r1SPTaTbVkfUe4HXj97wYE+yNwWYxwWu4v1ugWHgo3S1XdZEVqWM7ET0cfnLGxWfkgR42o2PvWrDMBSFj/IHLaF0zKjRgdiVMwScNRAoWUoH78Y2icB/yIY09An6AH2Bdu/UB+yxopYshQiEvnvu0dURgDt8QeC8PDw7Fpji3fEA4z/PEJ6YOB5hKh4dj3EvXhxPqH/SKUY3rJ7srZ4FZnh1PMAtPhwP6fl2PMJMPDgeQ4rY8YT6Gzao0eAEA409DuggmTnFnOcSCiEiLMgxCiTI6Cq5DZUd3Qmp10vO0LaLTd2cjN4fOumlc7lUYbSQcZFkutRG7g6JKZKy0RmdLY680CDnEJ+UMkpFFe1RN7nxdVpXrC4aTtnaurOnYercZg2YVmLN/d/gczfEimrE/fs/bOuq29Zmn8tloORaXgZgGa78yO9/cnXm2BpaGvq25Dv9S4E9+5SIc9PqupJKhYFSSl47+Qcr1mYNAAAAeNptw0cKwkAAAMDZJA8Q7OUJvkLsPfZ6zFVERPy8qHh2YER+3i/BP83vIBLLySsoKimrqKqpa2hp6+jq6RsYGhmbmJqZSy0sraxtbO3sHRydnEMU4uR6yx7JJXveP7WrDycAAAAAAAH//wACeNpjYGRgYOABYhkgZgJCZgZNBkYGLQZtIJsFLMYAAAw3ALgAeNolizEKgDAQBCchRbC2sFER0YD6qVQiBCv/H9ezGI6Z5XBAw8CBK/m5iQQVauVbXLnOrMZv2oLdKFa8Pjuru2hJzGabmOSLzNMzvutpB3N42mNgZGBg4GKQYzBhYMxJLMlj4GBgAYow/P/PAJJhLM6sSoWKfWCAAwDAjgbRAAB42mNgYGBkAIIbCZo5IPrmUn0hGA0AO8EFTQAA") format("woff");
  font-weight: 400;
  font-style: normal;
}
:root {
  --swiper-theme-color: #007aff;
}

.swiper {
  margin-left: auto;
  margin-right: auto;
  position: relative;
  overflow: hidden;
  list-style: none;
  padding: 0;
  /* Fix of Webkit flickering */
  z-index: 1;
}

.swiper-vertical > .swiper-wrapper {
  flex-direction: column;
}

.swiper-wrapper {
  position: relative;
  width: 100%;
  height: 100%;
  z-index: 1;
  display: flex;
  transition-property: transform;
  box-sizing: content-box;
}

.swiper-android .swiper-slide,
.swiper-wrapper {
  transform: translate3d(0px, 0, 0);
}

.swiper-pointer-events {
  touch-action: pan-y;
}
.swiper-pointer-events.swiper-vertical {
  touch-action: pan-x;
}

.swiper-slide {
  flex-shrink: 0;
  width: 100%;
  height: 100%;
  position: relative;
  transition-property: transform;
}

.swiper-slide-invisible-blank {
  visibility: hidden;
}

/* Auto Height */
.swiper-autoheight,
.swiper-autoheight .swiper-slide {
  height: auto;
}
.swiper-autoheight .swiper-wrapper {
  align-items: flex-start;
  transition-property: transform, height;
}

.swiper-backface-hidden .swiper-slide {
  transform: translateZ(0);
  backface-visibility: hidden;
}

/* 3D Effects */
.swiper-3d, .swiper-3d.swiper-css-mode .swiper-wrapper {
  perspective: 1200px;
}
.swiper-3d .swiper-wrapper,
.swiper-3d .swiper-slide,
.swiper-3d .swiper-slide-shadow,
.swiper-3d .swiper-slide-shadow-left,
.swiper-3d .swiper-slide-shadow-right,
.swiper-3d .swiper-slide-shadow-top,
.swiper-3d .swiper-slide-shadow-bottom,
.swiper-3d .swiper-cube-shadow {
  transform-style: preserve-3d;
}
.swiper-3d .swiper-slide-shadow,
.swiper-3d .swiper-slide-shadow-left,
.swiper-3d .swiper-slide-shadow-right,
.swiper-3d .swiper-slide-shadow-top,
.swiper-3d .swiper-slide-shadow-bottom {
  position: absolute;
  left: 0;
  top: 0;
  width: 100%;
  height: 100%;
  pointer-events: none;
  z-index: 10;
}
.swiper-3d .swiper-slide-shadow {
  background: rgba(0, 0, 0, 0.15);
}
.swiper-3d .swiper-slide-shadow-left {
  background-image: linear-gradient(to left, rgba(0, 0, 0, 0.5), rgba(0, 0, 0, 0));
}
.swiper-3d .swiper-slide-shadow-right {
  background-image: linear-gradient(to right, rgba(0, 0, 0, 0.5), rgba(0, 0, 0, 0));
}
.swiper-3d .swiper-slide-shadow-top {
  background-image: linear-gradient(to top, rgba(0, 0, 0, 0.5), rgba(0, 0, 0, 0));
}
.swiper-3d .swiper-slide-shadow-bottom {
  background-image: linear-gradient(to bottom, rgba(0, 0, 0, 0.5), rgba(0, 0, 0, 0));
}

/* CSS Mode */
.swiper-css-mode > .swiper-wrapper {
  overflow: auto;
  scrollbar-width: none;
  /* For Firefox */
  -ms-overflow-style: none;
  /* For Internet Explorer and Edge */
}
.swiper-css-mode > .swiper-wrapper::-webkit-scrollbar {
  display: none;
}
.swiper-css-mode > .swiper-wrapper > .swiper-slide {
  scroll-snap-align: start start;
}

.swiper-horizontal.swiper-css-mode > .swiper-wrapper {
  scroll-snap-type: x mandatory;
}

.swiper-vertical.swiper-css-mode > .swiper-wrapper {
  scroll-snap-type: y mandatory;
}

.swiper-centered > .swiper-wrapper::before {
  content: "";
  flex-shrink: 0;
  order: 9999;
}
.swiper-centered.swiper-horizontal > .swiper-wrapper > .swiper-slide:first-child {
  margin-inline-start: var(--swiper-centered-offset-before);
}
.swiper-centered.swiper-horizontal > .swiper-wrapper::before {
  height: 100%;
  width: var(--swiper-centered-offset-after);
}
.swiper-centered.swiper-vertical > .swiper-wrapper > .swiper-slide:first-child {
  margin-block-start: var(--swiper-centered-offset-before);
}
.swiper-centered.swiper-vertical > .swiper-wrapper::before {
  width: 100%;
  height: var(--swiper-centered-offset-after);
}
.swiper-centered > .swiper-wrapper > .swiper-slide {
  scroll-snap-align: center center;
}

:root {
  /*
  --swiper-pagination-color: var(--swiper-theme-color);
  --swiper-pagination-bullet-size: 8px;
  --swiper-pagination-bullet-width: 8px;
  --swiper-pagination-bullet-height: 8px;
  --swiper-pagination-bullet-inactive-color: #000;
  --swiper-pagination-bullet-inactive-opacity: 0.2;
  --swiper-pagination-bullet-opacity: 1;
  --swiper-pagination-bullet-horizontal-gap: 4px;
  --swiper-pagination-bullet-vertical-gap: 6px;
  */
}

.swiper-pagination {
  position: absolute;
  text-align: center;
  transition: 300ms opacity;
  transform: translate3d(0, 0, 0);
  z-index: 10;
}
.swiper-pagination.swiper-pagination-hidden {
  opacity: 0;
}
.swiper-pagination-disabled > .swiper-pagination, .swiper-pagination.swiper-pagination-disabled {
  display: none !important;
}

/* Common Styles */
.swiper-pagination-fraction,
.swiper-pagination-custom,
.swiper-horizontal > .swiper-pagination-bullets,
.swiper-pagination-bullets.swiper-pagination-horizontal {
  bottom: 10px;
  left: 0;
  width: 100%;
}

/* Bullets */
.swiper-pagination-bullets-dynamic {
  overflow: hidden;
  font-size: 0;
}
.swiper-pagination-bullets-dynamic .swiper-pagination-bullet {
  transform: scale(0.33);
  position: relative;
}
.swiper-pagination-bullets-dynamic .swiper-pagination-bullet-active {
  transform: scale(1);
}
.swiper-pagination-bullets-dynamic .swiper-pagination-bullet-active-main {
  transform: scale(1);
}
.swiper-pagination-bullets-dynamic .swiper-pagination-bullet-active-prev {
  transform: scale(0.66);
}
.swiper-pagination-bullets-dynamic .swiper-pagination-bullet-active-prev-prev {
  transform: scale(0.33);
}
.swiper-pagination-bullets-dynamic .swiper-pagination-bullet-active-next {
  transform: scale(0.66);
}
.swiper-pagination-bullets-dynamic .swiper-pagination-bullet-active-next-next {
  transform: scale(0.33);
}

.swiper-pagination-bullet {
  width: var(--swiper-pagination-bullet-width, var(--swiper-pagination-bullet-size, 8px));
  height: var(--swiper-pagination-bullet-height, var(--swiper-pagination-bullet-size, 8px));
  display: inline-block;
  border-radius: 50%;
  background: var(--swiper-pagination-bullet-inactive-color, #000);
  opacity: var(--swiper-pagination-bullet-inactive-opacity, 0.2);
}
button.swiper-pagination-bullet {
  border: none;
  margin: 0;
  padding: 0;
  box-shadow: none;
  appearance: none;
}

.swiper-pagination-clickable .swiper-pagination-bullet {
  cursor: pointer;
}
.swiper-pagination-bullet:only-child {
  display: none !important;
}

.swiper-pagination-bullet-active {
  opacity: var(--swiper-pagination-bullet-opacity, 1);
  background: var(--swiper-pagination-color, var(--swiper-theme-color));
}

.swiper-vertical > .swiper-pagination-bullets,
.swiper-pagination-vertical.swiper-pagination-bullets {
  right: 10px;
  top: 50%;
  transform: translate3d(0px, -50%, 0);
}
.swiper-vertical > .swiper-pagination-bullets .swiper-pagination-bullet,
.swiper-pagination-vertical.swiper-pagination-bullets .swiper-pagination-bullet {
  margin: var(--swiper-pagination-bullet-vertical-gap, 6px) 0;
  display: block;
}
.swiper-vertical > .swiper-pagination-bullets.swiper-pagination-bullets-dynamic,
.swiper-pagination-vertical.swiper-pagination-bullets.swiper-pagination-bullets-dynamic {
  top: 50%;
  transform: translateY(-50%);
  width: 8px;
}
.swiper-vertical > .swiper-pagination-bullets.swiper-pagination-bullets-dynamic .swiper-pagination-bullet,
.swiper-pagination-vertical.swiper-pagination-bullets.swiper-pagination-bullets-dynamic .swiper-pagination-bullet {
  display: inline-block;
  transition: 200ms transform, 200ms top;
}

.swiper-horizontal > .swiper-pagination-bullets .swiper-pagination-bullet,
.swiper-pagination-horizontal.swiper-pagination-bullets .swiper-pagination-bullet {
  margin: 0 var(--swiper-pagination-bullet-horizontal-gap, 4px);
}
.swiper-horizontal > .swiper-pagination-bullets.swiper-pagination-bullets-dynamic,
.swiper-pagination-horizontal.swiper-pagination-bullets.swiper-pagination-bullets-dynamic {
  left: 50%;
  transform: translateX(-50%);
  white-space: nowrap;
}
.swiper-horizontal > .swiper-pagination-bullets.swiper-pagination-bullets-dynamic .swiper-pagination-bullet,
.swiper-pagination-horizontal.swiper-pagination-bullets.swiper-pagination-bullets-dynamic .swiper-pagination-bullet {
  transition: 200ms transform, 200ms left;
}

.swiper-horizontal.swiper-rtl > .swiper-pagination-bullets-dynamic .swiper-pagination-bullet {
  transition: 200ms transform, 200ms right;
}

/* Progress */
.swiper-pagination-progressbar {
  background: rgba(0, 0, 0, 0.25);
  position: absolute;
}
.swiper-pagination-progressbar .swiper-pagination-progressbar-fill {
  background: var(--swiper-pagination-color, var(--swiper-theme-color));
  position: absolute;
  left: 0;
  top: 0;
  width: 100%;
  height: 100%;
  transform: scale(0);
  transform-origin: left top;
}
.swiper-rtl .swiper-pagination-progressbar .swiper-pagination-progressbar-fill {
  transform-origin: right top;
}
.swiper-horizontal > .swiper-pagination-progressbar, .swiper-pagination-progressbar.swiper-pagination-horizontal, .swiper-vertical > .swiper-pagination-progressbar.swiper-pagination-progressbar-opposite, .swiper-pagination-progressbar.swiper-pagination-vertical.swiper-pagination-progressbar-opposite {
  width: 100%;
  height: 4px;
  left: 0;
  top: 0;
}
.swiper-vertical > .swiper-pagination-progressbar, .swiper-pagination-progressbar.swiper-pagination-vertical, .swiper-horizontal > .swiper-pagination-progressbar.swiper-pagination-progressbar-opposite, .swiper-pagination-progressbar.swiper-pagination-horizontal.swiper-pagination-progressbar-opposite {
  width: 4px;
  height: 100%;
  left: 0;
  top: 0;
}

.swiper-pagination-lock {
  display: none;
}

:root {
  --swiper-navigation-size: 44px;
  /*
  --swiper-navigation-color: var(--swiper-theme-color);
  */
}

.swiper-button-prev,
.swiper-button-next {
  position: absolute;
  top: 50%;
  width: calc(var(--swiper-navigation-size) / 44 * 27);
  height: var(--swiper-navigation-size);
  margin-top: calc(0px - var(--swiper-navigation-size) / 2);
  z-index: 10;
  cursor: pointer;
  display: flex;
  align-items: center;
  justify-content: center;
  color: var(--swiper-navigation-color, var(--swiper-theme-color));
}
.swiper-button-prev.swiper-button-disabled,
.swiper-button-next.swiper-button-disabled {
  opacity: 0.35;
  cursor: auto;
  pointer-events: none;
}
.swiper-button-prev.swiper-button-hidden,
.swiper-button-next.swiper-button-hidden {
  opacity: 0;
  cursor: auto;
  pointer-events: none;
}
.swiper-navigation-disabled .swiper-button-prev,
.swiper-navigation-disabled .swiper-button-next {
  display: none !important;
}
.swiper-button-prev:after,
.swiper-button-next:after {
  font-family: swiper-icons;
  font-size: var(--swiper-navigation-size);
  text-transform: none !important;
  letter-spacing: 0;
  font-variant: initial;
  line-height: 1;
}

.swiper-button-prev,
.swiper-rtl .swiper-button-next {
  left: 10px;
  right: auto;
}
.swiper-button-prev:after,
.swiper-rtl .swiper-button-next:after {
  content: "prev";
}

.swiper-button-next,
.swiper-rtl .swiper-button-prev {
  right: 10px;
  left: auto;
}
.swiper-button-next:after,
.swiper-rtl .swiper-button-prev:after {
  content: "next";
}

.swiper-button-lock {
  display: none;
}

.swiper-pagination-bullet {
  text-align: center;
  line-height: 20px;
  font-size: 12px;
  color: #000;
}

.swiper-slide.swiper-slide-active.ac-carousel-page {
  visibility: visible;
}
.swiper-slide.ac-carousel-page {
  text-align: center;
  font-size: 18px;
  /* Center slide text vertically */
  display: -webkit-box;
  display: -ms-flexbox;
  display: -webkit-flex;
  display: flex;
  -webkit-box-pack: center;
  -ms-flex-pack: center;
  -webkit-justify-content: center;
  justify-content: center;
  -webkit-box-align: center;
  -ms-flex-align: center;
  -webkit-align-items: center;
  align-items: center;
  visibility: hidden;
}

.swiper-button-next.ac-carousel-right::after {
  font-family: "Segoe Fluent Icons";
  font-size: 14px;
  content: "\\edda";
}
.swiper-button-next.ac-carousel-right:hover {
  background-color: rgba(0, 0, 0, 0.5);
  transition: background-color 700ms;
}
.swiper-button-next.ac-carousel-right:hover::after {
  color: white;
  transition: color 700ms;
}

.swiper-button-prev.ac-carousel-left::after {
  font-family: "Segoe Fluent Icons";
  font-size: 14px;
  content: "\\edd9";
}
.swiper-button-prev.ac-carousel-left:hover {
  background-color: rgba(0, 0, 0, 0.5);
  transition: background-color 700ms;
}
.swiper-button-prev.ac-carousel-left:hover::after {
  color: white;
  transition: color 700ms;
}

.swiper-button-next.ac-carousel-down::after {
  font-family: "Segoe Fluent Icons";
  font-size: 14px;
  content: "\\eddc";
}
.swiper-button-next.ac-carousel-down:hover {
  background-color: rgba(0, 0, 0, 0.5);
  transition: background-color 700ms;
}
.swiper-button-next.ac-carousel-down:hover::after {
  color: white;
  transition: color 700ms;
}

.swiper-button-prev.ac-carousel-up::after {
  font-family: "Segoe Fluent Icons";
  font-size: 14px;
  content: "\\eddb";
}
.swiper-button-prev.ac-carousel-up:hover {
  background-color: rgba(0, 0, 0, 0.5);
  transition: background-color 700ms;
}
.swiper-button-prev.ac-carousel-up:hover::after {
  color: white;
  transition: color 700ms;
}

.ac-carousel-right,
.swiper-rtl.ac-carousel-left {
  right: 0px;
}

.ac-carousel-left,
.swiper-rtl.ac-carousel-right {
  left: 0px;
}

.ac-carousel-up {
  top: 0px !important;
  right: 0px !important;
  left: auto !important;
  bottom: auto !important;
  margin: 0px !important;
}

.ac-carousel-down {
  bottom: 0px !important;
  right: 0px !important;
  left: auto !important;
  top: auto !important;
  margin: 0px !important;
}

.ac-carousel-pagination.swiper-pagination.swiper-pagination-bullets.swiper-pagination-horizontal {
  bottom: 0px;
}

.ac-carousel-pagination.swiper-pagination.swiper-pagination-bullets.swiper-pagination-vertical {
  right: 0px;
}

.ac-container.ac-carousel-page-container {
  width: 100%;
}

.ac-carousel-container {
  position: relative;
  padding-left: 50px;
  padding-right: 50px;
  padding-bottom: 50px;
}

:root {
  --swiper-theme-color: #0072CC;
  --swiper-pagination-bullet-size: 8px;
  --swiper-pagination-bullet-inactive-color: rgba(0, 0, 0, 0.2);
  --swiper-pagination-bullet-inactive-opacity: 1;
  --swiper-pagination-color: #007aff;
  --swiper-navigation-size: 44px;
}

@media (forced-colors: active) {
  .swiper-pagination-bullet {
    background-color: ButtonBorder;
  }
}

/*# sourceMappingURL=adaptivecards-carousel.css.map */

@font-face {
    font-family: 'FabricMDL2Icons';
    src: url("https://static2.sharepointonline.com/files/fabric/assets/icons/fabricmdl2icons-3.54.woff") format("woff");
    font-weight: normal;
    font-style: normal;
}

.acd-designer-root *::-webkit-scrollbar {
    width: 5px;
    height: 5px;
}

.acd-designer-root *::-webkit-scrollbar-thumb {
    background-color: transparent;
}

.acd-designer-root *:hover::-webkit-scrollbar-thumb {
    background-color: #CDCDCD;
}

@media all and (min-width: 651px) {
    .content {
        display: flex;
        flex: 1 1 auto;
        overflow-y: hidden;
    }
}

.acd-designer-cardArea {
    flex: 1 1 70%;
    background-color: #F6F6F6;
    display: flex;
    flex-direction: column;
    overflow: auto;
}

.acd-designer-host {
    margin: 20px 0;
    padding: 0 40px 0 20px;
}

.acd-designer-card-header {
    display: none;
}

.acd-designersurface {
    outline: none;
}

.acd-hidden {
    display: none !important;
}

@media all and (min-width: 651px) {
    .acd-toolPalette-pane {
        display: flex;
        flex: 0 0 auto;
        flex-direction: column;
        background-color: white;
        border-right: 1px solid #D2D2D2;
    }
}

.acd-treeView {
    margin: 0;
}

.acd-treeView-pane {
    display: flex;
    flex: 0 0 auto;
    flex-direction: column;
    width: 360px;
    background-color: white;
}

.acd-treeView-host {
    flex: 1 1 100%;
    overflow-y: auto;
    overflow-x: hidden;
    padding-top: 6px;
    padding-bottom: 6px;
    background-color: white;
}

.acd-propertySheet-pane {
    display: flex;
    flex: 0 0 auto;
    flex-direction: column;
    width: 360px;
    background-color: #F9F9F9;
}

.acd-propertySheet-host {
    flex: 1 1 100%;
    overflow: auto;
}

.acd-vertical-splitter {
    border-left: 1px solid #D2D2D2;
    cursor: ew-resize;
    position: absolute;
    top: 0;
    left: 0;
    width: 6px;
    height: 100%;
    z-index: 1;
}

.acd-horizontal-splitter {
    border-top: 1px solid #D2D2D2;
    cursor: ns-resize;
    position: absolute;
    top: 0;
    left: 0;
    width: 100%;
    height: 6px;
    z-index: 1;
}

.acd-code-editor {
    overflow: hidden;
}

.acd-json-editor-pane {
    flex: 0 0 auto;
    display: flex;
    flex-direction: column;
    height: 360px;
}

.acd-json-editor-host {
    flex: 1 1 100%;
}

.acd-error-pane {
    flex: 0 0 65px;
    color: white;
    background-color: #2D7BB7;
    border-top: 1px solid #D2D2D2;
    overflow-x: hidden;
    overflow-y: auto;
    white-space: nowrap;
}

.acd-error-pane-message {
    padding: 1px 4px 2px 4px;
    cursor: default;
    overflow: hidden;
    text-overflow: ellipsis;
}

.acd-error-pane-message.selectable {
    cursor: pointer;
}

.acd-error-pane-message.selectable:hover {
    background-color: navy;
}

/*
    In-place editors
*/

.acd-inplace-editor-host {
    box-sizing: border-box;
    position: absolute;
    display: flex;
    outline: 1px dashed steelblue;
    background-color: white;
}

.acd-inplace-editor {
    flex: 1 1 100%;
    align-items: stretch;
}

.acd-textBlock-inplace-editor {
    border: none;
    padding: 0;
    margin: 0;
    outline: none;
    resize: none;
    color: black !important;
}

.acd-dialog-overlay {
    position: absolute;
    left: 0;
    top: 0;
    width: 100%;
    height: 100%;
    background-color: rgba(0, 0, 0, 0.4);
    display: flex;
    align-items: center;
    justify-content: center;
    z-index: 10000;
}

.acd-dialog-frame {
    background-color: white;
    display: flex;
    flex-direction: column;
    box-shadow: 0 0 50px -5px rgba(0, 0, 0, 0.4);
    justify-content: space-between;
    padding: 20px;
}

@media (forced-colors: active) {
    .acd-dialog-frame {
        background-color: ActiveBorder;
    }
}

.acd-dialog-title-host {
    display: flex;
    align-items: center;
    flex: 0 0 auto;
    margin-bottom: 10px;
}

.acd-dialog-title {
    font-weight: bold;
    flex: 1 1 auto;
    font-size: 24px;
}

.acd-dialog-buttonBar {
    display: flex;
    flex: 0 0 auto;
    justify-content: center;
    margin-top: 10px;
}

.acd-dialog-message {
    margin-top: 10px;
}

.acd-open-sample-item-container {
    display: flex;
    flex-flow: row wrap;
    align-items: flex-end;
    justify-content: space-evenly;
}

.acd-open-sample-item {
    width: 350px;
    height: 100%;
    padding: 10px;
    overflow: hidden;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    cursor: pointer;
}

.acd-open-sample-item-thumbnail {
    overflow: hidden;
    height: 100%;
    min-height: 150px;
    max-height: 400px;
    width: 100%;
    pointer-events: none;
    border: 1.5px solid #EEEEEE;
    display: flex;
    justify-content: center;
}

.acd-open-sample-item-title {
    margin-top: 10px;
}

.acd-open-sample-item:hover > .acd-open-sample-item-thumbnail {
    box-shadow: 0 0 20px -5px #CCCCCC;
    border: 1.5px solid #CCCCCC;
}

.acd-open-sample-item:hover > .acd-open-sample-item-title {
    font-weight: bold;
}

.acd-open-code-dialog-container {
    display: flex;
}

.acd-open-code-dialog-preview-container {
    flex: 1;
}

.acd-open-code-dialog-editor-container {
    flex: 1;
}

.acd-open-code-dialog-editor {
    width: 100%;
    height: 90%;
}

@keyframes acd-spinner-rotate {
    from { transform: rotate(0) }
    to { transform: rotate(360deg) }
}

.acd-spinner {
    width: 100%;
    height: 100%;
    border-radius: 50%;
    border-width: 1.5px;
    border-style: solid;
    border-color: rgb(0, 120, 212) rgb(199, 224, 244) rgb(199, 224, 244) rgb(199, 224, 244);
    animation-name: acd-spinner-rotate;
    animation-duration: 1.5s;
    animation-iteration-count: infinite;
    animation-timing-function: cubic-bezier(0.53, 0.21, 0.29, 0.67);
}

/*
    Icons
*/

.acd-icon {
    font-family: 'FabricMDL2Icons';
    font-size: 14px;
    font-style: normal;
    font-weight: normal;
}

.acd-dialog-titleBar-button {
    color: black;
    background-color: transparent;
    font-size: 16px;
    padding: 4px;
    border: none;
    cursor: pointer;
    flex: 0 0 auto;
}

.acd-dialog-titleBar-button:hover {
    background-color: #CCCCCC;
}

.acd-toolPalette-icon {
    color: #2D7BB7;
}

.acd-treeView-icon {
    color: #2D7BB7;
}

.acd-icon-bolt::before {
    content: "\\E945";
}

.acd-icon-addColumn::before {
    content: "\\F1D6";
}

.acd-icon-remove::before {
    content: "\\E711";
}

.acd-icon-drag::before {
    content: "\\E7C2";
}

.acd-icon-defaultElementIcon::before {
    content: "\\F50B";
}

.acd-icon-image::before {
    content: "\\ECAB";
}

.acd-icon-adaptiveCard::before {
    content: "\\EEBD";
}

.acd-icon-column::before {
    content: "\\E799";
}

.acd-icon-columnSet::before {
    content: "\\F1D5";
}

.acd-icon-container::before {
    content: "\\E739";
}

.acd-icon-factSet::before {
    content: "\\F2A2";
}

.acd-icon-actionSet::before {
    content: "\\E945";
}

.acd-icon-image::before {
    content: "\\EB9F";
}

.acd-icon-imageSet::before {
    content: "\\E7AA";
}

.acd-icon-inputChoiceSet::before {
    content: "\\F2C7";
}

.acd-icon-inputDate::before {
    content: "\\E787";
}

.acd-icon-inputNumber::before {
    content: "\\EDC4";
}

.acd-icon-inputText::before {
    content: "\\EDC3";
}

.acd-icon-inputTime::before {
    content: "\\E917";
}

.acd-icon-inputToggle::before {
    content: "\\E73A";
}

.acd-icon-textBlock::before {
    content: "\\E8E9";
}

.acd-icon-richTextBlock::before {
    content: "\\EDC2";
}

.acd-icon-carousel::before {
    content: "\\F26F";
}

.acd-icon-carouselPage::before {
    content: "\\EF6B";
}

.acd-icon-chevronDown::before {
    content: "\\E70D";
    line-height: 16px;
}

.acd-icon-chevronUp::before {
    content: "\\E70E";
}

.acd-icon-chevronRight::before {
    content: "\\E76C";
    line-height: 16px;
}

.acd-icon-chevronLeft::before {
    content: "\\E76B";
}

.acd-icon-newCard::before {
    content: "\\F321";
}

.acd-icon-fullScreen::before {
    content: "\\E740";
}

.acd-icon-actionShowCard::before {
    content: "\\EEBD";
}

.acd-icon-actionOpenUrl::before {
    content: "\\E71B";
}

.acd-icon-actionSubmit::before {
    content: "\\E73E";
}

.acd-icon-actionToggleVisibility::before {
    content: "\\E7B3";
}

.acd-icon-actionHttp::before {
    content: "\\E774";
}

.acd-icon-copy::before {
    content: "\\E8C8";
}

.acd-icon-help::before {
    content: "\\E897";
}

.acd-icon-header-expanded::before {
    content: "\\F166";
}

.acd-icon-header-collapsed::before {
    content: "\\F164";
}

.acd-icon-undo::before {
    content: "\\E7A7";
}

.acd-icon-redo::before {
    content: "\\E7A6";
}

.acd-icon-media::before {
    content: "\\EB1C";
}

.acd-icon-dot::before {
    content: "\\E915";
}

.acd-icon-dataStructure::before {
    content: "\\EC8D";
}

.acd-icon-preview::before {
    content: "\\E8A1";
}

.acd-icon-open::before {
    content: "\\ED25";
}

.acd-icon-customPaletteItem::before {
    content: "\\ECAA";
}

.acd-icon-table::before {
    content: "\\ED86";
}

.acd-icon-tableRow::before {
    content: "\\F82A";
}

.acd-icon-tableCell::before {
    content: "\\F50A";
}

/*
    Side panes
*/

/* NOTE: All of these are layed out sequentially on small-x-dimension displays */
@media all and (min-width: 651px) {
    .acd-dockedLeft {
        border-right: 1px solid #D2D2D2;
    }

    .acd-dockedRight {
        border-left: 1px solid #D2D2D2;
    }

    .acd-verticalCollapsedTabContainer {
    }

    .acd-horizontalCollapsedTabContainer {
        display: flex;
        flex: 0 0 auto;
        border-top: 1px solid #D2D2D2;
    }

    .acd-horizontalCollapsedTabContainer > .acd-toolbox-header {
        border-right: 1px solid #D2D2D2;
    }

    .acd-verticalCollapsedTabContainer.acd-dockedLeft > .acd-toolbox-header {
        width: 32px;
        height: 170px;
        border-bottom: 1px solid #D2D2D2;
    }

    .acd-verticalCollapsedTabContainer.acd-dockedLeft .acd-toolbox-header-content {
        width: 170px;
        height: 32px;
        transform-origin: 0 0;
        transform: rotate(-90deg) translate(-170px, 0px);
    }

    .acd-verticalCollapsedTabContainer.acd-dockedRight > .acd-toolbox-header {
        width: 32px;
        height: 170px;
        border-bottom: 1px solid #D2D2D2;
    }

    .acd-verticalCollapsedTabContainer.acd-dockedRight .acd-toolbox-header-content {
        width: 170px;
        height: 32px;
        transform-origin: 0 100%;
        transform: rotate(90deg) translate(-32px, 0px);
    }

    .acd-sidepanel-parent {
        display: flex;
        position: relative;
    }

    .acd-sidepanel-parent-vertical {
        flex-direction: row;
        overflow-x: hidden;
    }

    .acd-sidepanel-parent-horizontal {
        flex-direction: column;
        overflow-y: hidden;
    }

    .acd-sidepanel-host {
        display: flex;
        flex: 1 1 auto;
        overflow: hidden;
        position: relative;
    }

    .acd-sidepanel-host-vertical {
        flex-direction: column;
    }

    .acd-sidepanel-host-horizontal {
        flex-direction: row;
    }

    .acd-toolbox {
        overflow: auto;
        display: flex;
        flex-direction: column;
        position: relative;
    }

    .acd-toolbox-stretch {
        flex: 1 1 auto;
    }

    .acd-toolbox-no-stretch {
        flex: 0 0 auto;
    }
}

.acd-toolbox-header {
    height: 32px;
    cursor: pointer;
    flex: 0 0 auto;
}

.acd-toolbox-header-content {
    height: 100%;
    display: flex;
    align-items: center;
    justify-content: space-between;
}

.acd-toolbox-header-title {
    white-space: nowrap;
    text-overflow: ellipsis;
    overflow: hidden;
    padding: 4px 8px;
    font-size: 12px;
    color: black;
}

.acd-toolbox-header-commandButton {
    display: flex;
    align-items: center;
    cursor: pointer;
    height: 100%;
    padding: 4px 8px;
    color: gray;
}

.acd-toolbox-header-commandButton:hover {
    background-color: rgba(0, 0, 0, 0.1);
}

.acd-toolbox-header-commandButton:active {
    background-color: rgba(0, 0, 0, 0.3);
}

.acd-toolbox-header-commandsHost {
    display: flex;
    height: 100%;
}

.acd-previewRightAndBottomDocks {
    display: flex;
    flex-direction: column;
    flex: 1 1 100%;
    overflow: hidden;
}

@media all and (min-width: 651px) {
    .acd-previewAndBottomDocks {
        display: flex;
        flex: 1 1 100%;
        overflow: hidden;
        min-height: 30%;
    }
}

.acd-designersurface.dragging {
    cursor: move;
}

.acd-designersurface.dragging > .acd-peer:hover {
    background-color: transparent;
    border-color: transparent;
}

/*
    Designer peers
*/

@keyframes acd-peer-frame-appear {
    from { border-color: transparent }
    to { border-color: steelblue }
}

@keyframes acd-peer-frame-disappear {
    /*
    from { border-color: currentColor }
    */
    to { border-color: transparent }
}

.acd-peer {
    animation-name: acd-peer-frame-disappear;
    animation-duration: 150ms;
    animation-fill-mode: forwards;
    border: 1px dashed transparent;
}

.acd-peer.invisible {
    background-image: url('data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAYAAADED76LAAAAAXNSR0IArs4c6QAAAARnQU1BAACxjwv8YQUAAAAJcEhZcwAADsMAAA7DAcdvqGQAAAAYdEVYdFNvZnR3YXJlAHBhaW50Lm5ldCA0LjEuNv1OCegAAAAwSURBVChTY/j//z8cA0EDOh+vJJjGJwll45YE81E4WBTjlQTT+CShbNyS////ZwAAVxKXcckJBiYAAAAASUVORK5CYII=');
    background-repeat: repeat;
    background-color: white;
    opacity: 0.4;
}

.acd-peer:hover,
.acd-peer.selected,
.acd-peer.dragging {
    animation-name: acd-peer-frame-appear;
    animation-duration: 200ms;
    animation-fill-mode: forwards;
}

.acd-peer.dragover {
    border: 1px dashed green !important;
}

.acd-peer.dragover:hover {
    background-color: none;
}

.acd-peerButton {
    font-size: 14px;
    border: 1px solid #2D7BB7;
    color: #2D7BB7;
    background-color: white;
    cursor: default;
    user-select: none;
    padding: 1px;
    display: flex;
    align-items: center;
    pointer-events: all !important;
    height: 20px;
    border-radius: 0;
}

.acd-peerButton.fixedWidth {
    width: 20px;
}

.acd-peerButton.fixedWidth.circular {
    border-radius: 50%;
}

.acd-peerButton.variableWidth {
}

.acd-peerButton-icon {
    font-family: 'FabricMDL2Icons';
    font-style: normal;
    font-weight: normal;
    justify-content: center;
}

.acd-peerButton-text {
    font-family: inherit;
    justify-content: center;
    padding: 0px 4px;
}

.acd-peerButton:hover {
    background-color: #2D7BB7;
    color: white;
}

/*
    Tool box
*/

.acd-palette-category {
    align-items: center;
    display: flex;
    font-size: 14px;
    font-weight: 600;
    list-style-type: none;
    position: relative;
    white-space: nowrap;
    padding: 6px 16px 6px 16px;
    cursor: default;
    background-color: #EEEEEE;
}

.acd-palette-item {
    cursor: move;
    display: flex;
    align-items: center;
    padding: 6px 16px 6px 16px;
    overflow: hidden;
    text-overflow: ellipsis;
}

.acd-palette-item-label {
    font-size: 14px;
    white-space: nowrap;
    margin-left: 8px;
    flex: 1 1 100%;
}

.acd-palette-item:hover {
    background-color: #EEEEEE;
}

/*
    Visual tree view
*/

.acd-tree-item {
    cursor: pointer;
}

.acd-treeView li:focus-visible {
    outline: none;
}

.acd-treeView li:focus-visible > .acd-tree-item {
    outline: 1px solid #2D7BB7;
}

.acd-tree-item.selected {
    background-color: #BCE2FF;
}

.acd-tree-item:hover {
    background-color: #EEEEEE;
}

.acd-tree-item.selected:hover {
    background-color: #A3D8FF;
}

.acd-tree-item-expandCollapseButton {
    font-family: 'FabricMDL2Icons';
    font-size: 10px;
    width: 16px;
}

.acd-tree-item-text {
    user-select: none;
    -moz-user-select: none;
    -ms-user-select: none;
    -webkit-user-select: none;
    padding: 4px 4px 4px 8px;
}

.acd-tree-item-typeName {
    margin-left: 8px;
}

.acd-tree-item-additionalText {
    color: #757575;
    margin-left: 8px;
}

.acd-data-tree-item-additionalText {
    color: #2D7BB7;
    margin-left: 8px;
}

/*
    Toolbar
*/

.acd-toolbar {
    justify-content: space-between;
    background-color: #F1F1F1;
    align-items: center;
    border-bottom: 1px solid #D2D2D2;
}

.acd-toolbar-content {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
}

.acd-toolbar-label {
    color: black;
    margin-left: 8px;
    margin-right: 8px;
}

.acd-toolbar-choicePicker {
    display: flex;
    align-items: center;
    flex: 0 0 auto;
    margin: 0px 8px 0px 8px;
}

.acd-toolbar-picker-hidden[aria-disabled="true"], .acd-toolbar-picker-hidden + .acd-toolbar-separator {
    display: none;
}

.acd-toolbar-picker-disabled[aria-disabled="true"], .acd-toolbar-picker-disabled + .acd-toolbar-separator, .acd-toolbar-picker-disabled div {
    color: InactiveCaptionText;
    cursor: default;
}

.ms-ctrl.ms-ctrl-dropdown.disabled, .ms-ctrl.ms-ctrl-dropdown.disabled span, .ms-ctrl.ms-ctrl-dropdown.disabled i {
    color: InactiveCaptionText;
    cursor: default;
}

.ms-ctrl.ms-ctrl-dropdown.disabled:hover, .ms-ctrl.ms-ctrl-dropdown.disabled:focus {
    color: InactiveCaptionText;
    cursor: default;
    border-color: #EEEEEE;
}

@media all and (min-width: 651px) {
    .acd-toolbar {
        display: flex;
        flex: 0 0 auto;
    }
}

.acd-toolbar-separator {
    width: 1px;
    height: 30px;
    border-left: 1px solid #D2D2D2;
}

.acd-toolbar-button {
    font-family: 'Segoe UI', sans-serif;
    font-size: 14px;
    font-weight: normal;
    padding: 10px;
    border: 1px solid transparent;
    font-style: normal;
    font-weight: normal;
    display: flex;
    align-items: center;
    justify-content: center;
    cursor: pointer;
    user-select: none;
    background-color: transparent;
}

.acd-toolbar-button:hover {
    background-color: white;
}

.acd-toolbar-button:active {
    border: 1px solid black;
}

.acd-toolbar-button.acd-toolbar-button-disabled {
    color: InactiveCaptionText;
    background-color: transparent;
    cursor: default;
}

@media (forced-colors: none) {
    .acd-toolbar-button.acd-toolbar-button-toggled {
        background-color: rgba(0, 0, 0, 0.1);
    }
}

@media (forced-colors: active) {
    .acd-toolbar-button.acd-toolbar-button-toggled {
        background-color: highlight;
        color: highlightText;
        forced-color-adjust: none;
    }
}

.acd-toolbar-button-iconOnly::before {
    margin-right: 0 !important;
}

.acd-toolbar-button::before {
    font-family: 'FabricMDL2Icons';
    font-size: 20px;
    margin-right: 8px;
}

.acd-fieldPicker-host {
    max-height: 200px;
    overflow-y: auto;
}

/*
    Adaptive Card renderer styles for Property Sheet and other
    designer AC-based parts of designer UI.
*/

.default-ac-image.default-ac-selectable {
    cursor: pointer;
}

.default-ac-media-poster {
}

.default-ac-media-poster.empty {
    height: 200px;
    background-color: #F2F2F2;
}

.default-ac-media-playButton {
    width: 56px;
    height: 56px;
    border: 1px solid #EEEEEE;
    border-radius: 28px;
    box-shadow: 0px 0px 10px #EEEEEE;
    background-color: rgba(255, 255, 255, 0.9);
    color: black;
    cursor: pointer;
}

.default-ac-media-playButton-arrow {
    color: black;
}

.default-ac-media-playButton:hover {
    background-color: white;
}

a.default-ac-anchor {
    text-decoration: none;
}

a.default-ac-anchor:link {
    color: #005A9E;
}

a.default-ac-anchor:visited {
    color: #005A9E;
}

a.default-ac-anchor:link:active {
    color: #004D84;
}

a.default-ac-anchor:visited:active {
    color: #004D84;
}

.default-ac-container.default-ac-selectable,
.default-ac-columnSet.default-ac-selectable {
    padding: 0;
}

.default-ac-container.default-ac-selectable:hover,
.default-ac-columnSet.default-ac-selectable:hover {
    background-color: rgba(0, 0, 0, 0.1) !important;
}

.default-ac-container.default-ac-selectable:active,
.default-ac-columnSet.default-ac-selectable:active {
    background-color: rgba(0, 0, 0, 0.15) !important;
}

.default-ac-pushButton, .acd-dialog-button {
    overflow: hidden;
    text-overflow: ellipsis;
    text-align: center;
    vertical-align: middle;
    cursor: pointer;
    font-family: "Segoe UI", sans-serif;
    font-size: 14px;
    font-weight: 600;
    padding: 4px 10px 5px 10px;
    -webkit-user-select: none;
        -moz-user-select: none;
        -ms-user-select: none;
            user-select: none;
    height: 31px;
    background-color: #EEEEEE;
    color: black;
    border: 1px solid #888888;
    border-radius: 2px;
}

.default-ac-pushButton:hover, .acd-dialog-button:hover {
    /* background-color: #DDDDDD; */
    border: 1px solid #777777;
}

.default-ac-pushButton:active, .acd-dialog-button:active {
    /* background-color: #CCCCCC; */
    border: 1px solid #777777;
}

.default-ac-pushButton.subdued {
    color: #666666;
    border: 1px solid #EEEEEE;
}

.default-ac-pushButton.subdued:hover {
    background-color: #0072CC;
    color: white;
    border: 1px solid #0072CC;
}

@media (forced-colors: none) {
    .default-ac-pushButton.expanded {
        background-color: #0072CC;
        color: white;
        border: 1px solid #0072CC;
    }
}

@media (forced-colors: active) {
    .default-ac-pushButton.expanded {
        background-color: highlight;
        color: highlightText;
        forced-color-adjust: none;
    }
}

.default-ac-pushButton.expandable:after {
    -moz-osx-font-smoothing: grayscale;
    -webkit-font-smoothing: antialiased;
    display: inline-block;
    font-family: 'FabricMDL2Icons';
    font-size: 10px;
    font-style: normal;
    font-weight: 900;
    margin: auto 0px auto 6px;
    content: '\\E70D';
}

.default-ac-pushButton.expandable.expanded:after {
    content: '\\E70E';
}

.default-ac-input {
    font-family: "Segoe UI", sans-serif;
    font-size: 14px;
    color: black;
}

.default-ac-input.default-ac-textInput {
    resize: none;
}

.default-ac-input.default-ac-textInput.default-ac-multiline {
    height: 72px;
}

.default-ac-input.default-ac-textInput,
.default-ac-input.default-ac-numberInput,
.default-ac-input.default-ac-dateInput,
.default-ac-input.default-ac-timeInput {
    height: 31px;
}

.default-ac-input.default-ac-textInput,
.default-ac-input.default-ac-numberInput,
.default-ac-input.default-ac-dateInput,
.default-ac-input.default-ac-timeInput,
.default-ac-input.default-ac-multichoiceInput {
    border: 1px solid #DDDDDD;
    padding: 4px 8px 4px 8px;
}

.default.ac-inputStyle-revealOnHover-onrender {
    border: 1px solid transparent;
    background-color: white;
}

.default.ac-inputStyle-revealOnHover-onrender:hover {
    border: 1px solid #686868 !important;
}

.default.ac-inputStyle-revealOnHover-onhover {
    border: 1px solid #DDDDDD;
}

.default.ac-inputStyle-revealOnHover-onfocus {
    border: 1px solid #DDDDDD;
}

.default-ac-textBlock {
    cursor: default;
}

.default-ac-textBlock.default-ac-selectable:hover {
    color: #2D7BB7 !important;
    cursor: pointer;
}

/* PIC2CARD css changes*/
.acd-pic2card-container {
    display: flex;
    overflow: hidden;
    background-color: #f9f9f9;
    margin: 10px;
    position: relative;
    flex-direction: column;
}

.acd-poweredby-title {
    font-family: Helvetica;
    font-size: 13px;
    color: #0a0a0a;
    margin-top: 7px;
    margin-right: 9px;
    display: flex;
    justify-content: flex-end;
}

.acd-poweredby-title .link {
    margin-left: 3px;
    color: #0367c1;
    cursor: pointer;
    font-weight: bold;
    font-size: 14px;
}

.acd-poweredby-title .link:hover {
    color: blue;
}

.acd-sample-list {
    overflow: auto;
    height: calc(100% - 40px);
}

.acd-sample-image-container {
    display: flex;
    flex: 1;
    flex-wrap: wrap;
    align-items: center;
    justify-content: center;
    height: 100%;
}

.acd-image-upload-container {
    display: flex;
    flex: 1;
    flex-direction: column;
    border-right: solid 1px #dddbdb;
}

.acd-image-title {
    width: 60%;
    margin: 0 auto;
    margin-top: 20px;
    font-family: Helvetica;
    font-size: 16px;
    color: #0a0a0a;
}

.acd-image-title-content {
    width: 60%;
    margin: 0 auto;
    margin-top: 10px;
    font-family: Helvetica;
    font-size: 12px;
    opacity: 0.61;
    color: #0a0a0a;
}

.acd-image-file-container {
    width: 394px;
    min-height: 394px;
    margin-top: 30px;
    display: flex;
    align-self: center;
    border: dashed 1px #cdcdcd;
    background-color: #ffffff;
    overflow: auto;
}

.error-info {
    display: flex;
    justify-content: center;
    color: red;
}

.sample-info-text {
    margin-left: 15px;
}

.acd-spinner-host {
    position: absolute;
    width: 100%;
    height: 100%;
    background-color: black;
    opacity:.4;
}

.acd-image-spinner {
    position: absolute;
    width: 28px;
    height: 28px;
    top:50%;
    left:50%;
}

.acd-conversion-text {
    position: absolute;
    width: 258px;
    height: 28px;
    top: 56%;
    left: 42%;
    font-weight: bold;
    color: white;
    white-space: nowrap;
}

.acd-upload-control {
    display: flex;
    flex: 1 1 auto;
    flex-direction: column;
    justify-content: space-evenly;
    align-items: center;
}

.acd-upload-button-container {
    display: flex;
    flex-direction: column;
    align-items: center;
}

.acd-image-placeholder {
    max-width: 270px;
    max-height: 280px;
}

.acd-file-type {
    height: 40px;
    color: white;
}

.acd-file-type::-webkit-file-upload-button {
    visibility: hidden;
}

.acd-file-type:focus::before {
    margin-top: 1px;
    border: 2px solid #0a0a0a;
}

.acd-file-type:focus {
    outline: none;
}

.acd-file-type::before,
.acd-card-button {
    content: attr(button-name);
    display: inline-block;
    width: 232px;
    height: 32px;
    background-color: #286ec0;
    font-family: Helvetica;
    font-size: 14px;
    color: #ffffff;
    border: 1px solid #286ec0;
    border-radius: 2px;
    cursor: pointer;
    outline: none;
    text-align: center;
    line-height: 30px;
}

.acd-card-button {
    margin-top: 7px;
}

.acd-card-button:focus {
    outline: #0a0a0a auto 1px;
}

.acd-file-type:hover::before {
    border-color: black;
}

.acd-image-file-note {
    font-family: Helvetica;
    font-size: 11px;
    color: #0a0a0a;
    margin-top: 7px;
}

.acd-image-file-note .link {
    color: #0367c1;
    cursor: pointer;
}

.acd-image-upload {
    width: 400px;
    height: 300px;
    border: dashed 1px #c9cbcc;
    background-color: rgba(235, 237, 240, 0.32);
    justify-content: space-evenly;
}

.acd-checkbox-container {
    align-items: center;
    display: flex;
    font-family: Helvetica;
    font-size: 11px;
    margin-top: 7px;
    font-weight: bold;
    color: #0a0a0a;
}

.acd-checkbox-element {
    position: absolute;
    opacity: 0;
    cursor: pointer;
    z-index: 2;
}

.acd-custom-checkbox {
    height: 14px;
    width: 14px;
    background-color: transparent;
    border-radius: 2px;
    border: 1px solid#286ec0;
    z-index: 1;
}

.acd-custom-checkbox-foucs {
    border: 2px solid #0a0a0a;
}

.acd-custom-checkbox::after {
    position: absolute;
    content: "";
    left: 12px;
    top: 12px;
    height: 0;
    width: 0;
    border-radius: 5px;
    border: solid #009bff;
    border-width: 0 3px 3px 0;
    transform: rotate(0deg) scale(0);
    opacity: 1;
}

.acd-checkbox-element:checked ~ .acd-custom-checkbox {
    border-radius: 2px;
    transform: rotate(0deg) scale(1);
    opacity: 1;
    border: 1px solid #286ec0;
    background-color: #286ec0;
}

.acd-checkbox-element:checked ~ .acd-custom-checkbox::after {
    transform: rotate(45deg) scale(1);
    opacity: 1;
    top: 0px;
    left: 4px;
    width: 2px;
    height: 9px;
    border: solid white;
    border-radius: 0;
    background-color: transparent;
    border-width: 0 2px 2px 0;
}

.acd-label-element {
    margin-left: 5px;
    cursor: pointer;
}

.acd-label-element .link {
    color: #0367c1;
    cursor: pointer;
}

.acd-image-container {
    width: 400px;
    height: 300px;
    display: flex;
    flex-direction: column;
    align-items: center;
}

.acd-sample-container {
    display: flex;
    height: calc(100% - 21px);
}

.acd-image-upload:hover {
    box-shadow: 0 0 20px -5px #cccccc;
    border: 1.5px dashed #cccccc;
}

.acd-image-container:hover > .acd-open-sample-item-title {
    font-weight: bold;
}

.acd-sample-image {
    max-width: 40%;
    margin: 12px;
    cursor: pointer;
}

.acd-image-text-container {
    display: flex;
    align-items: center;
    flex-direction: column;
}

.acd-image-new-title {
    background-color: #2D7BB7;
    color: #ffffff;
    padding: 3px 10px;
    font-weight: bold;
    font-family: Helvetica;
    font-size: 14px;
}

.acd-image-upload-title {
    font-family: Helvetica;
    font-size: 18px;
    font-weight: bold;
    color: #161717;
    margin-top: 10px;
}

.acd-image-description {
    opacity: 0.72;
    font-family: Helvetica;
    font-size: 14px;
    text-align: center;
    color: #161717;
    margin-top: 10px;
    width: 80%;
}

.acd-try-now-button {
    width: 138px;
    height: 31px;
    border-radius: 2px;
    background-color: #2D7BB7;
    border: 1px solid #2D7BB7;
    font-family: Helvetica;
    font-size: 12px;
    font-weight: bold;
    color: #ffffff;
    cursor: pointer;
    margin-top: 10px;
}

.acd-error-text {
    font-size: 13px;
    margin-top: 10px;
    color: red;
    font-family: Helvetica;
}

/* NOTE: small-x-dimension display */
@media all and (max-width: 650px) {
    .acd-designer-cardArea {
        border-bottom: 1px solid #D2D2D2;
    }

    .acd-designer-card-header {
        display: flex;
        flex: 1 1 auto;
        height: 32px;
        align-items: center;
        font-size: 12px;
        padding: 4px 8px;
    }

    .acd-designer-host {
        margin: inherit;
    }

    .acd-designer-host > * {
        margin: auto;
        padding: 3px;
    }

    .acd-treeView-pane {
        width: 100%;
    }

    .acd-treeView-host {
        overflow: auto;
    }

    .acd-propertySheet-pane {
        width: 100%;
    }

    .acd-vertical-splitter {
        display: none;
    }

    .acd-horizontal-splitter {
        display: none;
    }

    .acd-code-editor {
        height: 400px !important; /* needed to override height from settings*/
    }

    .acd-json-editor-pane {
        height: 100%;
    }

    .acd-error-pane {
        flex: 1 1 auto;
        white-space: normal;
        overflow: auto;
    }

    .acd-dialog-frame {
        padding: 2px;
        width: 95% !important;
        height: 95% !important;
    }

    .acd-dialog-title-host {
        margin-bottom: 1px;
    }

    .acd-dialog-title {
        font-size: 18px;
    }

    .acd-dialog-buttonBar {
        padding-top: 5px;
    }

    .acd-open-sample-item {
        padding: 4px;
    }

    .acd-open-sample-item-title {
        margin-top: 5px;
    }

    .acd-toolbox {
        border-bottom: 1px solid #D2D2D2;
        width: 100% !important; /* overrides stored width from settings */
        height: auto !important;
    }

    .acd-previewRightAndBottomDocks {
        display: flex;
        flex: 1 1 100%;
    }

    .acd-palette-item-container {
        display: flex;
        flex: 1 1 auto;
        flex-wrap: wrap;
        align-content: center;
        justify-content: flex-start;
    }

    .acd-toolbar-content {
        justify-content: space-between;
    }

    .acd-toolbar-separator {
        display: none;
    }

    .acd-toolbar-label {
        margin-left: 0px;
        margin-right: 2px;
    }

    .acd-toolbar-button {
        padding: 2px 2px 2px 2px;
    }

    .acd-toolbar-choicePicker {
        margin-left: 2px;
        margin-right: 2px;
        flex: 0 1 auto;
    }

    .ms-ctrl-dropdown {
        padding-left: 3px;
        padding-right: 3px;
    }
}

@media (max-width: 350px) {
    input::-webkit-calendar-picker-indicator{
        display: none;
    }

    input[type="date"]::-webkit-input-placeholder{
        visibility: hidden;
    }
}

.screen-reader-only {
    border: 0;
    clip: rect(0,0,0,0);
    clip-path: inset(50%);
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    position: absolute;
    white-space: nowrap;
}
`,Zi=`.card-frame {
    border: 1px solid #F1F1F1;
    box-shadow: 0 0 15px -5px rgba(0, 0, 0, 0.4);
    background: white;
}

.ac-media-poster {}

.ac-media-poster.empty {
    height: 200px;
    background-color: #F2F2F2;
}

.ac-media-playButton {
    width: 56px;
    height: 56px;
    border: 1px solid #EEEEEE;
    border-radius: 28px;
    box-shadow: 0px 0px 10px #EEEEEE;
    background-color: rgba(255, 255, 255, 0.9);
    color: black;
    cursor: pointer;
}

.ac-media-playButton-arrow {
    color: black;
}

.ac-media-playButton:hover {
    background-color: white;
}

.ac-image.ac-selectable {
    cursor: pointer;
}

.ac-image.ac-selectable:hover {
    background-color: rgba(0, 0, 0, 0.1);
}

.ac-image.ac-selectable:active {
    background-color: rgba(0, 0, 0, 0.15);
}

a.ac-anchor {
    text-decoration: none;
}

a.ac-anchor:link {
    color: #005a9e;
}

a.ac-anchor:visited {
    color: #005a9e;
}

a.ac-anchor:link:active {
    color: #004d84;
}

a.ac-anchor:visited:active {
    color: #004d84;
}

.ac-container.ac-selectable, .ac-columnSet.ac-selectable {
    padding: 0px;
}

.ac-container.ac-selectable:hover, .ac-columnSet.ac-selectable:hover {
    background-color: rgba(0, 0, 0, 0.1) !important;
}

.ac-container.ac-selectable:active, .ac-columnSet.ac-selectable:active {
    background-color: rgba(0, 0, 0, 0.15) !important;
}

.ac-pushButton {
    text-align: center;
    vertical-align: middle;
    cursor: pointer;
    font-family: "Calibri", sans-serif;
    font-size: 14px;
    font-weight: 600;
    padding: 8px;
    -webkit-user-select: none;
    -moz-user-select: none;
    -ms-user-select: none;
    user-select: none;
    border: 1px solid #DDDDDD;
	background-color: #FFFFFF;
	color: #0063B1;
}

.ac-pushButton-disabled {
    overflow: hidden;
    text-overflow: ellipsis;
    text-align: center;
    vertical-align: middle;
    cursor: pointer;
    font-family: "Segoe UI", sans-serif;
    font-size: 14px;
    font-weight: 600;
    padding: 4px 10px 5px 10px;
    -webkit-user-select: none;
    -moz-user-select: none;
    -ms-user-select: none;
    user-select: none;
    height: 31px;
    border: 1px solid #EEEEEE;
	background-color: #EEEEEE;
	color: #666666;
}

.ac-pushButton:focus {
    border-color: #0063B1;
}

.ac-pushButton.style-positive {
    background-color: #0072CC;
    color: white;
}

.ac-pushButton.style-positive:hover, .ac-pushButton.style-positive:active {
    background-color: #006ABC;
}

.ac-pushButton.style-destructive {
    background-color: #E50000;
    color: white;
}

.ac-pushButton.style-destructive:hover, .ac-pushButton.style-destructive:active {
    background-color: #BF0000;
}

.ac-quickActionButton {
    overflow: hidden;
    text-overflow: ellipsis;
    text-align: center;
    vertical-align: middle;
    cursor: pointer;
    font-family: "Calibri", sans-serif;
    font-size: 14px;
    font-weight: 600;
    -webkit-user-select: none;
    -moz-user-select: none;
    -ms-user-select: none;
    user-select: none;
    border: none;
    background-color: #DDDDDD;
}

.ac-input {
    font-family: "Calibri", sans-serif;
    font-size: 14px;
    color: black;
}

.ac-input.ac-input-required {
}

.ac-input.ac-textInput.ac-input-validation-failed,
.ac-input.ac-numberInput.ac-input-validation-failed,
.ac-input.ac-dateInput.ac-input-validation-failed,
.ac-input.ac-timeInput.ac-input-validation-failed,
.ac-input.ac-multichoiceInput.ac-choiceSetInput-compact.ac-input-validation-failed {
    border: 1px solid red !important;
}

.ac-input.ac-toggleInput.ac-input-validation-failed,
.ac-input.ac-choiceSetInput-expanded.ac-input-validation-failed,
.ac-input.ac-choiceSetInput-multiSelect.ac-input-validation-failed {
    outline: 1px solid red;
}

.ac-input-container {
    display: flex;
    align-items: flex-end;
}

.ac-input.ac-textInput {
    resize: none;
}

.ac-input.ac-textInput.ac-multiline {
    height: 72px;
}

.ac-input.ac-textInput, .ac-input.ac-numberInput, .ac-input.ac-dateInput, .ac-input.ac-timeInput, .ac-input.ac-multichoiceInput {
    border: 1px solid #dddddd;
    padding: 4px 8px 4px 8px;
    height: 31px;
}

/* ac-inlineActionButton should set height to the same as ac-input.ac-textInput */

.ac-inlineActionButton {
    overflow: hidden;
    text-overflow: ellipsis;
    text-align: center;
    vertical-align: middle;
    cursor: pointer;
    font-family: "Calibri", sans-serif;
    font-size: 13.3px;
    -webkit-user-select: none;
    -moz-user-select: none;
    -ms-user-select: none;
    user-select: none;
    border: none;
    background-color: transparent;
    height: 31px;
}

.ac-inlineActionButton.textOnly {
    padding: 0 8px;
}

.ac-inlineActionButton.iconOnly {
    padding: 0;
}

.ac-inlineActionButton:hover {
    background-color: #EEEEEE;
}

.ac-inlineActionButton:active {
    background-color: #CCCCCC;
}

.ac-inlineActionButton-disabled {
    overflow: hidden;
    text-overflow: ellipsis;
    text-align: center;
    vertical-align: middle;
    cursor: pointer;
    font-family: "Segoe UI", sans-serif;
    font-size: 14px;
    -webkit-user-select: none;
    -moz-user-select: none;
    -ms-user-select: none;
    user-select: none;
    border: none;
    background-color: transparent;
    height: 31px;
}

/* Popup menu */

.ac-ctrl-overlay {
    position: absolute;
    left: 0;
    top: 0;
    z-index: 10000;
}
  
@keyframes fadeIn {
    0% {
        opacity: 0;
    }
}
  
@keyframes slideTopToBottom {
    0% {
        transform: translate(0, -20px);
    }
}
  
@keyframes slideBottomToTop {
    0% {
        transform: translate(0, 20px);
    }
}
  
@keyframes slideLeftToRight {
    0% {
        transform: translate(-20px, 0);
    }
}
  
@keyframes slideRightToLeft {
    0% {
        transform: translate(20px, 0);
    }
}
  
.ac-ctrl-slide {
    animation-duration: 0.5s;
    animation-timing-function: cubic-bezier(0.1, 0.9, 0.2, 1);
}
  
.ac-ctrl-slide.ac-ctrl-slideTopToBottom {
    animation-name: fadeIn, slideTopToBottom;
}
  
.ac-ctrl-slide.ac-ctrl-slideBottomToTop {
    animation-name: fadeIn, slideBottomToTop;
}
  
.ac-ctrl-slide.ac-ctrl-slideLeftToRight {
    animation-name: fadeIn, slideLeftToRight;
}
  
.ac-ctrl-slide.ac-ctrl-slideRightToLeft {
    animation-name: fadeIn, slideRightToLeft;
}
  
.ac-ctrl {
    box-sizing: border-box;
    font-family: 'Segoe UI', Tahoma, Geneva, Verdana, sans-serif;
    font-size: 14px;
    font-weight: normal;
}
  
.ac-ctrl-dropdown-item {
    width: 100%;
    text-overflow: ellipsis;
    overflow: hidden;
    white-space: nowrap;
    display: block;
    padding: 0px 12px 0px 12px;
    line-height: 30px;
    cursor: pointer;
}
  
.ac-ctrl-dropdown-item-disabled {
    width: 100%;
    text-overflow: ellipsis;
    overflow: hidden;
    white-space: nowrap;
    display: block;
    padding: 0px 12px 0px 12px;
    line-height: 30px;
    cursor: pointer;
    color: #666666;
}
  
.ac-ctrl-dropdown-item:hover {
    background-color: #EEEEEE;
}
  
.ac-ctrl-dropdown-item:focus {
    outline: 0;
    background-color: #CCCCCC;
}
  
.ac-ctrl-popup-container {
    border: 1px solid #EEEEEE;
    background-color: white;
    position: absolute;
    box-shadow: 0 0 15px -5px rgba(0, 0, 0, 0.4);
    overflow-y: auto;
}
  
.ac-ctrl-popup-container:focus {
    outline: 0;
}
`,Qi=$.Utils.joinPaths;$.Utils.joinPaths=(...e)=>e[e.length-1]?.endsWith(`.css`)?``:Qi(...e),$.GlobalSettings.enableDataBindingSupport=!0,$.GlobalSettings.showSampleDataEditorToolbox=!0,$.GlobalSettings.showDataStructureToolbox=!1,$.GlobalSettings.showSampleHostDataEditorToolbox=!1,$.GlobalSettings.showVersionPicker=!1,$.GlobalSettings.showTargetVersionMismatchWarning=!1,$.CardDesigner.onProcessMarkdown=(e,t)=>{t.didProcess=!1};var $i=e=>e.replace(/@font-face\s*{[^}]*https?:\/\/[^}]*}/g,``);function ea(){return{languages:{json:{jsonDefaults:{setDiagnosticsOptions(){}}}},editor:{create(e,t){let n=[],r=``,i=g(e,{text:r,label:e.getAttribute(`aria-label`)??t.ariaLabel??`JSON`,minimal:!0,onChange:e=>{r=e,n.forEach(e=>e())}});return e.classList.add(`designer-json`),{getValue:()=>r,setValue(e){r=e,i.setText(e),n.forEach(e=>e())},layout(){},onDidChangeModelContent(e){return n.push(e),{dispose:()=>n.splice(n.indexOf(e),1)}}}}}}}function ta(e){let n=r(null),s=r(null),[c,l]=i(null),[f,p]=i(!1);t(()=>{let t=[Xi,Zi].map(e=>{let t=document.createElement(`style`);return t.dataset.designer=``,t.textContent=$i(e),document.head.append(t),t});try{let t={type:`AdaptiveCard`,version:`1.5`,body:[]};try{t=JSON.parse(e.card)}catch(e){console.warn(`card template`,e)}Yi.default.defaultPayload=JSON.stringify(t,null,2);let r=new $.CardDesigner([]);r.assetPath=``,r.attachTo(n.current),r.monacoModuleLoaded(ea()),r.sampleData={t:a()},r.setCard(t),r.clearUndoStack(),s.current=r}catch(e){console.error(`card designer`,e),l(e)}return()=>{s.current=null,n.current?.replaceChildren(),t.forEach(e=>e.remove()),document.getElementById(`__ac-designer`)?.remove(),document.getElementById(`adaptiveCardStylesheet`)?.remove()}},[]);let m=async e=>{p(!0),l(null);try{await e()}catch(e){l(e)}finally{p(!1)}};return u(`section`,{class:`card designer`,"aria-labelledby":`designer-h`,children:[u(`h3`,{id:`designer-h`,children:e.title}),u(`div`,{ref:n,class:`designer-host`}),u(d,{error:c}),u(`div`,{class:`controls`,children:[u(`button`,{type:`button`,class:`primary`,disabled:f,onClick:()=>m(()=>e.onSave(JSON.stringify(s.current?.getCard()??{},null,2))),children:o(`umod-page-save`)}),e.custom&&u(`button`,{type:`button`,disabled:f,onClick:()=>m(e.onReset),children:o(`umod-page-reset`)}),u(`button`,{type:`button`,disabled:f,onClick:e.onClose,children:o(`action-cancel`)})]})]})}export{ta as PageDesigner};