// Render-blocking in <head>: the first paint has the reader's theme ("light", "dark" or "system"), stored by the header's switch.
(function(){var d=document.documentElement,k='theme',t=null;try{t=localStorage.getItem(k)}catch(e){}
d.dataset.theme=t==='light'||t==='dark'?t:'system';
addEventListener('DOMContentLoaded',function(){var s=document.getElementById(k);if(!s)return;s.value=d.dataset.theme;
s.addEventListener('change',function(){d.dataset.theme=s.value;try{s.value==='system'?localStorage.removeItem(k):localStorage.setItem(k,s.value)}catch(e){}})})})();
